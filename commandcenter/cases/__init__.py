"""Cases: intake screening, dispatch recommendation, the working calendar and the workflow (issue 5)."""
