"""The organizer's screens: import of score sheets, results."""
