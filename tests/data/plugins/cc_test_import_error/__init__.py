"""A deliberately broken plugin for the isolation tests."""
