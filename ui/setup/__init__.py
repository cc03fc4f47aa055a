"""The first-run wizard (issue 13): language, database, first administrator, district, base map,
summary. The decisions and checks live in ``commandcenter.setup``; these pages ask for them on
worker threads and say the answers in words."""
