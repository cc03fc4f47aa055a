"""The district's base data from the main window (issue 13): import a delivery of files, check the
district's consistency, export it — the screens over ``services.district_data`` and
``services.district_check``."""
