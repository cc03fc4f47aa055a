"""The headless gateway (issue 14): ``commandcenter gateway`` — JT/T 808 terminals, the Open311 intake
API, answers to citizens' clients and the city platforms, in one asyncio process (several may run
against one PostgreSQL), writing through the core's intake and position paths."""
