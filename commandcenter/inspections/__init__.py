"""督查 (明察暗访): the random draw of inspection groups (``draw``) and the pairing windows it keeps
(``windows``) — Qt-free and free of SQL; ``services.inspection_service`` reads and stores."""
