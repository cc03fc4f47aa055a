"""领导观摩: the leaders' briefing screen (issue 17)."""
