"""Optional TOTP two-factor sign-in for the Wagtail admin, with recovery codes (django-otp).

wagtail-2fa does not work on Wagtail 8, so Koonto wires django-otp itself: a setup view with a
QR code, a verify step after the password, and a middleware that keeps a password-only session
out of the admin when a second factor is due (docs/security.md).
"""
