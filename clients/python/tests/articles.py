"""Articles written for these tests (none is taken from a real news text)."""

FLOOD = (
    "(Valley Courier — March 3, 2024) Flash flooding in the town of Millbrook killed four people "
    "and injured twelve others on Saturday, the county sheriff said.\n\n"
    "Sheriff Dana Whitfield said rescue crews searched the riverbanks through the night. "
    '"We have never seen the water rise this fast," Whitfield told reporters.'
)
BRIDGE = (
    "(Coast Ledger — April 9, 2024) A bridge collapse near Port Elwin injured seven workers on "
    "Tuesday, officials said. The regional transport office said an inquiry would begin at once."
)
