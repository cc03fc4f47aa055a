"""Sign-in, lock screen and re-auth prompt (issue 7). The rules live in ``commandcenter.accounts``;
these widgets only ask and show, and run every password check off the Qt thread."""
