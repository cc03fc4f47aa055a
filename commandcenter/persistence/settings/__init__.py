"""The district's central settings (migration 0009): one versioned document every workstation reads
(``queries``: read, versioned save, the cheap revision)."""
