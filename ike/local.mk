# ike
