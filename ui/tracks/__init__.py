"""Track playback (轨迹回放): pick units and a period, play their history, list trips and stops."""
