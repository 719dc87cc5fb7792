"""The built-in templates' words as plain values: the schema's migration seeds them into the
file, and `templates` makes them Templates (apart, so that checking a file's schema at start
does not load the template rules)."""

# (name, follow-up kind, channel, subject, body)
BUILT_IN_TEXTS: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "Thank-you email",
        "thank_you",
        "email",
        "Thank you: {role} interview",
        "Hi {first_name},\n\nThank you for talking with me on {interview_day} about the "
        "{role} role at {company}. I enjoyed our conversation, and I'm happy to send "
        "anything else that would help.\n\nBest,\n{signature}",
    ),
    (
        "Follow-up email",
        "follow_up",
        "email",
        "Following up: {role}",
        "Hi {first_name},\n\nI wanted to follow up on the {role} role at {company}. I'm "
        "still very interested, and glad to answer any questions.\n\nBest,\n{signature}",
    ),
    (
        "Check-in email",
        "check_in",
        "email",
        "Checking in: {role}",
        "Hi {first_name},\n\nA quick check-in on the {role} role at {company}: is there "
        "any news on the timeline? No rush, and thank you again for your time.\n\n"
        "Best,\n{signature}",
    ),
    (
        "Thank-you call",
        "thank_you",
        "phone",
        "",
        "Hi {first_name}, it's {my_name}. I'm calling to thank you for the interview on "
        "{interview_day} for the {role} role. I enjoyed it, and I'm happy to answer "
        "anything else.",
    ),
    (
        "Follow-up call",
        "follow_up",
        "phone",
        "",
        "Hi {first_name}, it's {my_name}, following up on the {role} role at {company}. "
        "I'm still very interested: is there anything else I can send you?",
    ),
    (
        "Check-in call",
        "check_in",
        "phone",
        "",
        "Hi {first_name}, it's {my_name}. A quick check-in on the {role} role: is there "
        "an update on the timeline? Thank you, and no rush.",
    ),
)
