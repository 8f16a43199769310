"""Accounts: users, government units, staff role grants, sessions and contact verification."""
