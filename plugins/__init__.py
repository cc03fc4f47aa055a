"""Per-office plugins shipped with the product (issue 6): they load through the same plugin API and
discovery path as third-party plugins. The core never imports this package."""
