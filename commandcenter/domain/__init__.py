"""Domain vocabulary shared by the store, the services and the UI."""
