"""Benefits and refundable credits paid outside the tax return's balance: each a scalar rule of the
adjusted family net income (AFNI), the children counted at the start of a month, and a parameter
record built from a cited table in ``data/benefits/``.

Every rule returns the **annual** entitlement for the family as it stands that month; the monthly
payment is a twelfth of it (``netpay.benefits`` sums the months of a calendar year).
"""
