"""HTTP-FLV played as MPEG-TS: ``flv_tags`` reads the tags, ``flv_to_ts`` turns them into TS through
``mpegts_writer``, ``server`` serves that to libVLC on loopback (the tiles' ``.flv`` URLs go there)."""
