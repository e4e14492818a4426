// Generated from every web/openapi/*.json by scripts/api-types.mjs.
// Do not edit: run `python -m cobalt_devstack.frontend api`.

export const rules = {
  "AccountOut": {
    "allowed_type_names": {
      "required": true
    },
    "allowed_types": {
      "required": true
    },
    "key": {
      "required": true
    },
    "kind": {
      "enum": [
        "system",
        "bank",
        "purchases",
        "sales",
        "tax"
      ],
      "required": true
    },
    "mapping": {
      "required": true
    },
    "name": {
      "required": true
    },
    "problem": {
      "required": true
    },
    "state": {
      "enum": [
        "unmapped",
        "mapped",
        "needs attention"
      ],
      "required": true
    },
    "tone": {
      "enum": [
        "waiting",
        "synced",
        "failed"
      ],
      "required": true
    }
  },
  "AccountsPayable": {
    "credits": {
      "required": true
    },
    "due": {
      "required": true
    },
    "total_credits": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "total_due": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "vendors": {
      "required": true
    }
  },
  "AdjustmentOut": {
    "closed_with": {
      "required": true
    },
    "figures": {
      "required": true
    }
  },
  "AlertEmailOut": {
    "attempts": {
      "required": true
    },
    "created_at": {
      "required": true
    },
    "id": {
      "required": true
    },
    "kind": {
      "required": true
    },
    "last_error": {
      "required": true
    },
    "sent_at": {
      "required": true
    },
    "subject": {
      "required": true
    },
    "to": {
      "required": true
    }
  },
  "AppliedOut": {
    "bill_id": {
      "required": true
    },
    "cash": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "credits": {
      "required": true
    },
    "invoice_number": {
      "required": true
    }
  },
  "BatchResult": {
    "index": {
      "required": true
    },
    "status": {
      "enum": [
        "created",
        "existing",
        "refused"
      ],
      "required": true
    }
  },
  "BillOut": {
    "amount": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "bill_date": {
      "required": true
    },
    "credited": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "detail": {
      "required": true
    },
    "due_date": {
      "required": true
    },
    "id": {
      "required": true
    },
    "in_pending_payment": {
      "required": true
    },
    "invoice_number": {
      "required": true
    },
    "lines": {
      "required": true
    },
    "not_payable_because": {
      "required": true
    },
    "open_balance": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "order_id": {
      "required": true
    },
    "paid": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "payable": {
      "required": true
    },
    "state": {
      "required": true
    },
    "tone": {
      "required": true
    },
    "txn_id": {
      "required": true
    },
    "vendor_name": {
      "required": true
    }
  },
  "BillPick": {
    "bill_id": {
      "required": true
    }
  },
  "CancelIn": {
    "cancelled_on": {
      "required": true
    }
  },
  "CategoryAmount": {
    "amount": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "category": {
      "required": true
    }
  },
  "CategoryOut": {
    "amount": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "category": {
      "required": true
    }
  },
  "ChangeOut": {
    "action": {
      "enum": [
        "recorded",
        "edited",
        "received",
        "corrected",
        "cancelled"
      ],
      "required": true
    },
    "at": {
      "required": true
    },
    "by": {
      "required": true
    },
    "summary": {
      "required": true
    }
  },
  "ClearingRow": {
    "card_sales": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "chargebacks": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "day": {
      "required": true
    },
    "deposited": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "fees": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "in_clearing": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "settled": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    }
  },
  "CloseFiguresOut": {
    "cash_deposit": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "counted_cash": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "discounts": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "gift_cards_redeemed": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "gift_cards_sold": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "net_sales": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "over_short": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "refunded": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "refunds": {
      "required": true
    },
    "rounding": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "sales": {
      "required": true
    },
    "sales_by_category": {
      "required": true
    },
    "tax": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "tenders": {
      "required": true
    },
    "tips": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    }
  },
  "ConnectionIn": {
    "contact_email": {
      "maxLength": 254
    },
    "password": {
      "maxLength": 256,
      "minLength": 12
    },
    "qbwc_user": {
      "maxLength": 64,
      "minLength": 1,
      "required": true
    },
    "start_date": {
      "required": true
    }
  },
  "ConnectionOut": {
    "health": {
      "required": true
    },
    "set_up": {
      "required": true
    },
    "status": {
      "required": true
    }
  },
  "ContactEmailIn": {
    "contact_email": {
      "maxLength": 254
    }
  },
  "ContactOut": {
    "ended_at": {
      "required": true
    },
    "entries_sent": {
      "required": true
    },
    "failed": {
      "required": true
    },
    "fix": {
      "required": true
    },
    "id": {
      "required": true
    },
    "outcome": {
      "required": true
    },
    "problem": {
      "required": true
    },
    "qbwc_user": {
      "required": true
    },
    "reason": {
      "required": true
    },
    "recovery": {
      "required": true
    },
    "requests": {
      "required": true
    },
    "source": {
      "required": true
    },
    "started_at": {
      "required": true
    },
    "synced": {
      "required": true
    }
  },
  "CreditIn": {
    "amount": {
      "pattern": "^-?\\d{1,12}(\\.\\d{1,2})?$",
      "maximum": 999999999999,
      "minimum": -999999999999,
      "required": true
    },
    "memo": {
      "maxLength": 200
    },
    "reason": {
      "enum": [
        "return",
        "breakage",
        "allowance",
        "deposit refund"
      ],
      "required": true
    }
  },
  "CreditOut": {
    "amount": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "category": {
      "required": true
    },
    "memo": {
      "required": true
    },
    "reason": {
      "required": true
    },
    "applied": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "available": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "credit_date": {
      "required": true
    },
    "detail": {
      "required": true
    },
    "id": {
      "required": true
    },
    "in_pending_payment": {
      "required": true
    },
    "invoice_number": {
      "required": true
    },
    "not_payable_because": {
      "required": true
    },
    "order_id": {
      "required": true
    },
    "payable": {
      "required": true
    },
    "state": {
      "required": true
    },
    "tone": {
      "required": true
    },
    "txn_id": {
      "required": true
    },
    "vendor_name": {
      "required": true
    }
  },
  "CreditPick": {
    "credit_id": {
      "required": true
    }
  },
  "CreditUseOut": {
    "amount": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "credit_id": {
      "required": true
    },
    "invoice_number": {
      "required": true
    }
  },
  "DayEntryOut": {
    "amount": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "description": {
      "required": true
    },
    "detail": {
      "required": true
    },
    "entry_id": {
      "required": true
    },
    "kind": {
      "required": true
    },
    "link": {
      "required": true
    },
    "state": {
      "required": true
    },
    "tone": {
      "enum": [
        "pending",
        "waiting",
        "failed",
        "synced",
        "neutral"
      ],
      "required": true
    },
    "txn_id": {
      "required": true
    }
  },
  "DayFiguresOut": {
    "discounts": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "gift_cards_redeemed": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "gift_cards_sold": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "net_sales": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "refunded": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "refunds": {
      "required": true
    },
    "rounding": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "sales": {
      "required": true
    },
    "sales_by_category": {
      "required": true
    },
    "tax": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "tenders": {
      "required": true
    },
    "tips": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    }
  },
  "DayOut": {
    "closed_at": {
      "required": true
    },
    "closes_at": {
      "required": true
    },
    "day": {
      "required": true
    },
    "entries": {
      "required": true
    },
    "figures": {
      "required": true
    },
    "status": {
      "enum": [
        "open",
        "closed"
      ],
      "required": true
    }
  },
  "DeadLetter": {
    "consumer": {
      "required": true
    },
    "created_at": {
      "required": true
    },
    "deliveries": {
      "required": true
    },
    "error": {
      "required": true
    },
    "id": {
      "required": true
    },
    "merchant_id": {
      "required": true
    },
    "message_id": {
      "required": true
    },
    "payload": {
      "required": true
    },
    "replayed_at": {
      "required": true
    },
    "subject": {
      "required": true
    }
  },
  "EntryDetail": {
    "accounts": {
      "required": true
    },
    "created_at": {
      "required": true
    },
    "description": {
      "required": true
    },
    "detail": {
      "required": true
    },
    "error_code": {
      "required": true
    },
    "history": {
      "required": true
    },
    "id": {
      "required": true
    },
    "kind": {
      "required": true
    },
    "payload": {
      "required": true
    },
    "request_xml": {
      "required": true
    },
    "response_xml": {
      "required": true
    },
    "retryable": {
      "required": true
    },
    "state": {
      "required": true
    },
    "tone": {
      "enum": [
        "pending",
        "waiting",
        "failed",
        "synced",
        "neutral"
      ],
      "required": true
    },
    "txn_date": {
      "required": true
    },
    "txn_id": {
      "required": true
    },
    "updated_at": {
      "required": true
    }
  },
  "EntryEventOut": {
    "at": {
      "required": true
    },
    "detail": {
      "required": true
    },
    "state": {
      "required": true
    },
    "tone": {
      "enum": [
        "pending",
        "waiting",
        "failed",
        "synced",
        "neutral"
      ],
      "required": true
    }
  },
  "EntryKind": {
    "enum": [
      "bill",
      "vendor-credit",
      "bill-payment",
      "payment-void",
      "bill-change",
      "vendor-credit-change",
      "bill-void",
      "vendor-credit-void",
      "deposit",
      "journal-entry",
      "vendor",
      "account-query"
    ]
  },
  "EntryOut": {
    "accounts": {
      "required": true
    },
    "created_at": {
      "required": true
    },
    "description": {
      "required": true
    },
    "detail": {
      "required": true
    },
    "error_code": {
      "required": true
    },
    "id": {
      "required": true
    },
    "kind": {
      "required": true
    },
    "retryable": {
      "required": true
    },
    "state": {
      "required": true
    },
    "tone": {
      "enum": [
        "pending",
        "waiting",
        "failed",
        "synced",
        "neutral"
      ],
      "required": true
    },
    "txn_date": {
      "required": true
    },
    "txn_id": {
      "required": true
    },
    "updated_at": {
      "required": true
    }
  },
  "EntryState": {
    "enum": [
      "waiting for mapping",
      "waiting for prerequisite",
      "ready",
      "sent",
      "checking",
      "looking up",
      "synced",
      "in QuickBooks before the start date",
      "failed",
      "cancelled"
    ]
  },
  "ErrorBody": {
    "error": {
      "required": true
    }
  },
  "ErrorDetail": {
    "code": {
      "required": true
    },
    "message": {
      "required": true
    }
  },
  "HealthOut": {
    "problems": {
      "required": true
    },
    "reason": {
      "required": true
    },
    "state": {
      "required": true
    }
  },
  "HealthState": {
    "enum": [
      "healthy",
      "needs attention",
      "overdue",
      "not set up"
    ]
  },
  "IngestOut": {
    "accepted": {
      "required": true
    },
    "duplicates": {
      "required": true
    },
    "rejected": {
      "required": true
    }
  },
  "LateDayOut": {
    "day": {
      "required": true
    },
    "discounts": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "gift_cards_redeemed": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "gift_cards_sold": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "net_sales": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "refunded": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "refunds": {
      "required": true
    },
    "rounding": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "sales": {
      "required": true
    },
    "sales_by_category": {
      "required": true
    },
    "tax": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "tenders": {
      "required": true
    },
    "tips": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    }
  },
  "LineIn": {
    "category": {
      "required": true
    },
    "quantity": {
      "required": true
    },
    "unit_cost": {
      "pattern": "^-?\\d{1,12}(\\.\\d{1,2})?$",
      "maximum": 999999999999,
      "minimum": -999999999999,
      "required": true
    }
  },
  "LineOut": {
    "amount": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "category": {
      "required": true
    },
    "description": {
      "required": true
    },
    "quantity": {
      "required": true
    },
    "unit_cost": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "account": {
      "required": true
    },
    "memo": {
      "required": true
    }
  },
  "MapIn": {
    "qb_list_id": {
      "maxLength": 40,
      "minLength": 1,
      "required": true
    }
  },
  "MappingChangeOut": {
    "at": {
      "required": true
    },
    "by": {
      "required": true
    },
    "key": {
      "required": true
    },
    "qb_full_name": {
      "required": true
    }
  },
  "MappingIn": {
    "key": {
      "maxLength": 120,
      "minLength": 1,
      "required": true
    },
    "qb_list_id": {
      "maxLength": 40,
      "minLength": 1,
      "required": true
    }
  },
  "MappingOut": {
    "qb_account_type": {
      "required": true
    },
    "qb_full_name": {
      "required": true
    },
    "qb_list_id": {
      "required": true
    }
  },
  "MappingsIn": {
    "mappings": {
      "maxItems": 500,
      "required": true
    }
  },
  "OrderDetail": {
    "categories": {
      "required": true
    },
    "credit_total": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "credits": {
      "required": true
    },
    "due_date": {
      "required": true
    },
    "editable": {
      "required": true
    },
    "history": {
      "required": true
    },
    "id": {
      "required": true
    },
    "invoice_number": {
      "required": true
    },
    "lines": {
      "required": true
    },
    "order_date": {
      "required": true
    },
    "received": {
      "required": true
    },
    "received_on": {
      "required": true
    },
    "recorded_at": {
      "required": true
    },
    "revision": {
      "required": true
    },
    "total": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "vendor_name": {
      "required": true
    }
  },
  "OrderIn": {
    "credits": {
      "maxItems": 100
    },
    "invoice_number": {
      "required": true
    },
    "lines": {
      "maxItems": 1000,
      "required": true
    },
    "order_date": {
      "required": true
    },
    "vendor_name": {
      "required": true
    }
  },
  "OrderOut": {
    "categories": {
      "required": true
    },
    "credit_total": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "credits": {
      "required": true
    },
    "due_date": {
      "required": true
    },
    "editable": {
      "required": true
    },
    "id": {
      "required": true
    },
    "invoice_number": {
      "required": true
    },
    "lines": {
      "required": true
    },
    "order_date": {
      "required": true
    },
    "received": {
      "required": true
    },
    "received_on": {
      "required": true
    },
    "recorded_at": {
      "required": true
    },
    "revision": {
      "required": true
    },
    "total": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "vendor_name": {
      "required": true
    }
  },
  "OrdersBatchIn": {
    "orders": {
      "maxItems": 200,
      "required": true
    }
  },
  "OrdersBatchOut": {
    "created": {
      "required": true
    },
    "existing": {
      "required": true
    },
    "refused": {
      "required": true
    },
    "results": {
      "required": true
    }
  },
  "Outcome": {
    "enum": [
      "in progress",
      "updated",
      "nothing to do",
      "another update was running",
      "wrong password",
      "unknown user",
      "sign-in paused",
      "wrong company file",
      "Web Connector too old",
      "QuickBooks could not be opened",
      "stopped mid-update",
      "update failed"
    ]
  },
  "PayFromOut": {
    "default": {
      "required": true
    },
    "key": {
      "required": true
    },
    "name": {
      "required": true
    },
    "qb_full_name": {
      "required": true
    }
  },
  "PaymentIn": {
    "bills": {
      "maxItems": 500
    },
    "check_number": {
      "maxLength": 11,
      "minLength": 1,
      "pattern": "^[0-9A-Za-z][0-9A-Za-z ./#-]*$"
    },
    "credits": {
      "maxItems": 500
    },
    "pay_from": {
      "maxLength": 60
    }
  },
  "PaymentOut": {
    "amount": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "applied": {
      "required": true
    },
    "check_number": {
      "required": true
    },
    "detail": {
      "required": true
    },
    "id": {
      "required": true
    },
    "made_by": {
      "required": true
    },
    "pay_from": {
      "required": true
    },
    "payment_date": {
      "required": true
    },
    "recorded_at": {
      "required": true
    },
    "state": {
      "required": true
    },
    "to_be_printed": {
      "required": true
    },
    "tone": {
      "required": true
    },
    "txn_id": {
      "required": true
    },
    "vendor_name": {
      "required": true
    }
  },
  "PlannedCheck": {
    "amount": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "bills": {
      "required": true
    },
    "check_number": {
      "required": true
    },
    "credits_applied": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "pay_from": {
      "required": true
    },
    "payment_date": {
      "required": true
    },
    "to_be_printed": {
      "required": true
    },
    "vendor_name": {
      "required": true
    }
  },
  "PosLineTax": {
    "amount": {
      "required": true
    },
    "name": {
      "required": true
    }
  },
  "PosSale": {
    "sale_id": {
      "required": true
    },
    "sold_at": {
      "required": true
    }
  },
  "PosSaleLine": {
    "amount": {
      "required": true
    },
    "category": {
      "required": true
    }
  },
  "PosTender": {
    "amount": {
      "required": true
    },
    "type": {
      "required": true
    }
  },
  "PosTip": {
    "amount": {
      "required": true
    },
    "tender": {
      "required": true
    }
  },
  "ProblemOut": {
    "fix": {
      "required": true
    },
    "page": {
      "required": true
    },
    "reason": {
      "required": true
    }
  },
  "QbAccountOut": {
    "account_type": {
      "required": true
    },
    "full_name": {
      "required": true
    },
    "is_active": {
      "required": true
    },
    "list_id": {
      "required": true
    },
    "name": {
      "required": true
    },
    "number": {
      "required": true
    }
  },
  "QbChartOut": {
    "accounts": {
      "required": true
    },
    "refresh_pending": {
      "required": true
    },
    "refreshed_at": {
      "required": true
    }
  },
  "QuickBooksVendorOut": {
    "list_id": {
      "required": true
    },
    "name": {
      "required": true
    },
    "quickbooks_name": {
      "required": true
    },
    "state": {
      "required": true
    }
  },
  "Readiness": {
    "checks": {
      "required": true
    },
    "instance": {
      "required": true
    },
    "status": {
      "required": true
    }
  },
  "ReceiveIn": {
    "received_on": {
      "required": true
    }
  },
  "RefreshOut": {
    "message": {
      "required": true
    },
    "request_id": {
      "required": true
    }
  },
  "RetriedOut": {
    "entries": {
      "required": true
    },
    "retried": {
      "required": true
    }
  },
  "SalesBatch": {
    "sales": {
      "maxItems": 5000,
      "required": true
    }
  },
  "SalesRow": {
    "day": {
      "required": true
    },
    "discounts": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "gift_cards_redeemed": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "gift_cards_sold": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "net_sales": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "refunded": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "refunds": {
      "required": true
    },
    "rounding": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    },
    "sales": {
      "required": true
    },
    "sales_by_category": {
      "required": true
    },
    "tax": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "tenders": {
      "required": true
    },
    "tips": {
      "pattern": "^-?\\d+\\.\\d{2}$"
    }
  },
  "ScheduleIn": {
    "close_time": {
      "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$",
      "required": true
    },
    "timezone": {
      "maxLength": 64,
      "minLength": 1,
      "pattern": "^[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*$",
      "required": true
    }
  },
  "SettlementIn": {
    "batch_id": {
      "required": true
    },
    "days": {
      "maxItems": 31
    },
    "gross": {
      "pattern": "^-?\\d{1,12}(\\.\\d{1,2})?$",
      "maximum": 999999999999,
      "minimum": -999999999999,
      "required": true
    },
    "settled_on": {
      "required": true
    }
  },
  "SettlementOut": {
    "batch_id": {
      "required": true
    },
    "status": {
      "required": true
    },
    "waiting_for": {
      "required": true
    }
  },
  "SignInOut": {
    "failures": {
      "required": true
    },
    "locked": {
      "required": true
    }
  },
  "SuggestionOut": {
    "key": {
      "required": true
    },
    "name": {
      "required": true
    },
    "qb_account_type": {
      "required": true
    },
    "qb_full_name": {
      "required": true
    },
    "qb_list_id": {
      "required": true
    },
    "reason": {
      "required": true
    }
  },
  "SyncHistoryOut": {
    "contacts": {
      "required": true
    },
    "limit": {
      "required": true
    },
    "offset": {
      "required": true
    },
    "total": {
      "required": true
    }
  },
  "SyncState": {
    "enum": [
      "pending",
      "waiting",
      "synced",
      "failed",
      "nothing to send",
      "not in QuickBooks"
    ]
  },
  "TaxAmount": {
    "amount": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "name": {
      "required": true
    }
  },
  "TieLineOut": {
    "books": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "label": {
      "required": true
    },
    "pos": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "ties": {
      "required": true
    }
  },
  "TieOutOut": {
    "day": {
      "required": true
    },
    "lines": {
      "required": true
    },
    "ties": {
      "required": true
    }
  },
  "Tone": {
    "enum": [
      "pending",
      "waiting",
      "failed",
      "synced",
      "neutral"
    ]
  },
  "VendorBalance": {
    "balance": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "open_bills": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "unapplied_credits": {
      "pattern": "^-?\\d+\\.\\d{2}$",
      "required": true
    },
    "vendor_name": {
      "required": true
    }
  }
} as const;
