"""libVLC video in Qt: the process-wide libVLC instance and the native-window video tile."""
