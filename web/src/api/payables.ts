// Generated from web/openapi/payables.json by scripts/api-types.mjs.
// Do not edit: run `python -m cobalt_devstack.frontend api`.

export interface paths {
    "/accounts-payable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Accounts Payable
         * @description Amounts due and available credits, as the accounts-payable page lists them, with the
         *     balance per vendor (open bills minus unapplied credits).
         */
        get: operations["accounts_payable_accounts_payable_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Bills
         * @description The merchant's bills, oldest first.
         */
        get: operations["list_bills_bills_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bills/{bill_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Bill */
        get: operations["get_bill_bills__bill_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bills/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open Bills
         * @description The merchant's bills with an open balance, oldest first.
         */
        get: operations["open_bills_bills_open_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Credits
         * @description The merchant's vendor credits.
         */
        get: operations["list_credits_credits_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List
         * @description Messages this service could not process.
         */
        get: operations["list__dead_letters_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dead-letters/{dead_letter_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay
         * @description Send the message to its consumer again (once).
         */
        post: operations["replay_dead_letters__dead_letter_id__replay_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Healthz
         * @description The process is alive.
         */
        get: operations["healthz_healthz_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Metrics
         * @description Prometheus metrics of this process (text exposition format).
         */
        get: operations["metrics_metrics_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Payments
         * @description The merchant's payments, newest first: the payment history.
         */
        get: operations["list_payments_payments_get"];
        put?: never;
        /**
         * Send Payments
         * @description Send to QuickBooks: one BillPaymentCheck per vendor from the chosen bank account,
         *     applying the selected bills and credits. The same `Idempotency-Key` returns the payments
         *     already made (200); a bill or credit already in a pending payment is refused.
         */
        post: operations["send_payments_payments_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/{payment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Payment */
        get: operations["get_payment_payments__payment_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/{payment_id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Void
         * @description Void the payment's check in QuickBooks (once, however often pressed); when QuickBooks
         *     has voided it, its bills and credits are open again. 409 unless it is in QuickBooks.
         */
        post: operations["void_payments__payment_id__void_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview Payments
         * @description The checks Send to QuickBooks would write for this selection (checked by the same
         *     rules, nothing recorded): what the confirmation states before anything is sent.
         */
        post: operations["preview_payments_payments_preview_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readyz
         * @description Every dependency (database, NATS) answers now.
         */
        get: operations["readyz_readyz_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * AccountsPayable
         * @description The accounts-payable page: amounts due, available credits, and balances per vendor.
         */
        AccountsPayable: {
            /** Credits */
            credits: components["schemas"]["CreditOut"][];
            /** Due */
            due: components["schemas"]["BillOut"][];
            /**
             * Total Credits
             * @example 1240.00
             */
            total_credits: string;
            /**
             * Total Due
             * @example 1240.00
             */
            total_due: string;
            /** Vendors */
            vendors: components["schemas"]["VendorBalance"][];
        };
        /**
         * AppliedOut
         * @description What a payment settles on one bill: cash, and credits used there.
         */
        AppliedOut: {
            /**
             * Bill Id
             * Format: uuid
             */
            bill_id: string;
            /**
             * Cash
             * @example 1240.00
             */
            cash: string;
            /** Credits */
            credits: components["schemas"]["CreditUseOut"][];
            /**
             * Invoice Number
             * @description The bill's invoice number, when known.
             */
            invoice_number: string | null;
        };
        /**
         * BillOut
         * @description A bill, what is still open of it, and where it is on its way into QuickBooks.
         */
        BillOut: {
            /**
             * Amount
             * @example 1240.00
             */
            amount: string;
            /**
             * Bill Date
             * Format: date
             */
            bill_date: string;
            /**
             * Correction Problem
             * @description Why the order's last correction was not applied to it, and the fix.
             */
            correction_problem?: string | null;
            /**
             * Credited
             * @example 1240.00
             */
            credited: string;
            /**
             * Detail
             * @description Where it is, in the merchant's words; why, if held.
             */
            detail: string | null;
            /** Due Date */
            due_date: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** In Pending Payment */
            in_pending_payment: boolean;
            /** Invoice Number */
            invoice_number: string;
            /** Lines */
            lines: components["schemas"]["LineOut"][];
            /**
             * Not Payable Because
             * @description Why it cannot, when it cannot.
             */
            not_payable_because: string | null;
            /**
             * Open Balance
             * @example 1240.00
             */
            open_balance: string;
            /**
             * Order Id
             * Format: uuid
             */
            order_id: string;
            /**
             * Paid
             * @example 1240.00
             */
            paid: string;
            /**
             * Payable
             * @description It can be selected for a payment now.
             */
            payable: boolean;
            /**
             * Quickbooks Note
             * @description What changed in QuickBooks itself (paid there, amount changed).
             */
            quickbooks_note?: string | null;
            /**
             * Revision
             * @description The order's correction it follows (0: as received).
             * @default 0
             */
            revision?: number;
            state: components["schemas"]["SyncState"];
            /** @description How the state reads: pending, waiting, failed, synced. */
            tone: components["schemas"]["Tone"];
            /** Txn Id */
            txn_id: string | null;
            /** Vendor Name */
            vendor_name: string;
        };
        /** BillPick */
        BillPick: {
            /**
             * Amount
             * @description Part of the open amount; default all of it.
             */
            amount?: (string | number) | null;
            /**
             * Bill Id
             * Format: uuid
             */
            bill_id: string;
        };
        /**
         * CreditOut
         * @description A vendor credit and what of it is still available to apply.
         */
        CreditOut: {
            /**
             * Amount
             * @example 1240.00
             */
            amount: string;
            /**
             * Applied
             * @example 1240.00
             */
            applied: string;
            /**
             * Available
             * @example 1240.00
             */
            available: string;
            /**
             * Credit Date
             * Format: date
             */
            credit_date: string;
            /** Detail */
            detail: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** In Pending Payment */
            in_pending_payment: boolean;
            /** Invoice Number */
            invoice_number: string;
            /** Not Payable Because */
            not_payable_because: string | null;
            /**
             * Order Id
             * Format: uuid
             */
            order_id: string;
            /**
             * Payable
             * @description It can be applied in a payment now.
             */
            payable: boolean;
            /**
             * Quickbooks Note
             * @description What changed in QuickBooks itself (used there, amount changed).
             */
            quickbooks_note?: string | null;
            state: components["schemas"]["SyncState"];
            tone: components["schemas"]["Tone"];
            /** Txn Id */
            txn_id: string | null;
            /** Vendor Name */
            vendor_name: string;
        };
        /** CreditPick */
        CreditPick: {
            /**
             * Amount
             * @description Part of the credit; default all available.
             */
            amount?: (string | number) | null;
            /**
             * Credit Id
             * Format: uuid
             */
            credit_id: string;
        };
        /** CreditUseOut */
        CreditUseOut: {
            /**
             * Amount
             * @example 1240.00
             */
            amount: string;
            /**
             * Credit Id
             * Format: uuid
             */
            credit_id: string;
            /** Invoice Number */
            invoice_number: string | null;
        };
        /**
         * DeadLetter
         * @description A message a consumer could not process, kept for a person to look at and replay.
         */
        DeadLetter: {
            /** Consumer */
            consumer: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Deliveries */
            deliveries: number;
            /** Error */
            error: string;
            /** Id */
            id: number;
            /** Merchant Id */
            merchant_id: string | null;
            /** Message Id */
            message_id: string | null;
            /**
             * Payload
             * @description The message body as received (UTF-8, lossy).
             */
            payload: string;
            /** Replayed At */
            replayed_at: string | null;
            /** Subject */
            subject: string;
        };
        /**
         * ErrorBody
         * @description Every error answer: {"error": {"code", "message", ...}}.
         */
        ErrorBody: {
            error: components["schemas"]["ErrorDetail"];
        };
        /** ErrorDetail */
        ErrorDetail: {
            /**
             * Code
             * @description What kind of error: invalid, not_found, conflict...
             */
            code: string;
            /**
             * Field
             * @description The input it is about, when there is one.
             */
            field?: string | null;
            /**
             * Message
             * @description What is wrong and what to do, in plain words.
             */
            message: string;
            /**
             * Problems
             * @description For invalid input: each field and its problem.
             */
            problems?: {
                [key: string]: string;
            }[] | null;
        };
        /** LineOut */
        LineOut: {
            /** Account */
            account: string;
            /**
             * Amount
             * @example 1240.00
             */
            amount: string;
            /** Memo */
            memo: string | null;
        };
        /**
         * PaymentIn
         * @description Send to QuickBooks: the bills and credits the merchant selected, and how the checks are
         *     written.
         */
        PaymentIn: {
            /** Bills */
            bills?: components["schemas"]["BillPick"][];
            /**
             * Check Number
             * @description The first check's number; one check per vendor, numbered in turn.
             */
            check_number?: string | null;
            /** Credits */
            credits?: components["schemas"]["CreditPick"][];
            /**
             * Pay From
             * @description CobaltConnect bank account to pay from (see GET /coa/bank-accounts).
             * @default operating-account
             */
            pay_from?: string;
            /**
             * Payment Date
             * @description The checks' date (the app sends today in the store's time zone).
             */
            payment_date?: string | null;
            /**
             * To Be Printed
             * @description Print the checks later in QuickBooks.
             * @default false
             */
            to_be_printed?: boolean;
        };
        /**
         * PaymentOut
         * @description One check (one vendor): pending until QuickBooks has it, then synced or failed.
         */
        PaymentOut: {
            /**
             * Amount
             * @example 1240.00
             */
            amount: string;
            /** Applied */
            applied: components["schemas"]["AppliedOut"][];
            /** Check Number */
            check_number: string | null;
            /** Detail */
            detail: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Made By
             * @description Who sent it (from their sign-in).
             */
            made_by: string | null;
            /**
             * Pay From
             * @description CobaltConnect account paid from (mapped to a bank).
             */
            pay_from: string;
            /**
             * Payment Date
             * Format: date
             */
            payment_date: string;
            /**
             * Recorded At
             * Format: date-time
             */
            recorded_at: string;
            state: components["schemas"]["SyncState"];
            /** To Be Printed */
            to_be_printed: boolean;
            tone: components["schemas"]["Tone"];
            /** Txn Id */
            txn_id: string | null;
            /** Vendor Name */
            vendor_name: string;
            /** Void Detail */
            void_detail?: string | null;
            /**
             * Void Entry Id
             * @description Its void on the QB Entries page (a failed void is retried there).
             */
            void_entry_id?: string | null;
            /** @description Asked to be voided: pending, waiting, synced (voided) or failed. */
            void_state?: components["schemas"]["SyncState"] | null;
            /**
             * Voidable
             * @description It can be voided now (it is in QuickBooks).
             * @default false
             */
            voidable?: boolean;
            /** Voided By */
            voided_by?: string | null;
        };
        /**
         * PlannedCheck
         * @description A check the selection would write, as the confirmation states it.
         */
        PlannedCheck: {
            /**
             * Amount
             * @example 1240.00
             */
            amount: string;
            /**
             * Bills
             * @description Invoice numbers of the bills it pays.
             */
            bills: string[];
            /** Check Number */
            check_number: string | null;
            /**
             * Credits Applied
             * @example 1240.00
             */
            credits_applied: string;
            /** Pay From */
            pay_from: string;
            /**
             * Payment Date
             * Format: date
             */
            payment_date: string;
            /** To Be Printed */
            to_be_printed: boolean;
            /** Vendor Name */
            vendor_name: string;
        };
        /**
         * Readiness
         * @description Whether the process can do its work, and which process answered.
         */
        Readiness: {
            /**
             * Checks
             * @description Each dependency: ok, or why it is unavailable.
             */
            checks: {
                [key: string]: string;
            };
            /**
             * Instance
             * @description Which process answered.
             */
            instance: string;
            /**
             * Status
             * @description ready or not ready
             */
            status: string;
        };
        /**
         * SyncState
         * @description Where a bill, credit or payment is on its way into QuickBooks.
         * @enum {string}
         */
        SyncState: "pending" | "waiting" | "synced" | "failed" | "nothing to send" | "not in QuickBooks";
        /**
         * Tone
         * @description The colour family a state is shown in.
         * @enum {string}
         */
        Tone: "pending" | "waiting" | "failed" | "synced" | "neutral";
        /** VendorBalance */
        VendorBalance: {
            /**
             * Balance
             * @example 1240.00
             */
            balance: string;
            /**
             * Open Bills
             * @example 1240.00
             */
            open_bills: string;
            /**
             * Unapplied Credits
             * @example 1240.00
             */
            unapplied_credits: string;
            /** Vendor Name */
            vendor_name: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    accounts_payable_accounts_payable_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountsPayable"];
                };
            };
            /** @description The request cannot be read. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in, or the sign-in expired or is invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or not this merchant's). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not possible now: the message says why (e.g. QuickBooks is not set up). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input: the message names the field and the rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_bills_bills_get: {
        parameters: {
            query?: {
                open?: boolean;
                /** @description Only the bills of these orders (repeat the name). */
                order_id?: string[];
                vendor?: string;
            };
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillOut"][];
                };
            };
            /** @description The request cannot be read. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in, or the sign-in expired or is invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or not this merchant's). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not possible now: the message says why (e.g. QuickBooks is not set up). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input: the message names the field and the rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_bill_bills__bill_id__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path: {
                bill_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillOut"];
                };
            };
            /** @description The request cannot be read. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in, or the sign-in expired or is invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or not this merchant's). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not possible now: the message says why (e.g. QuickBooks is not set up). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input: the message names the field and the rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    open_bills_bills_open_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillOut"][];
                };
            };
            /** @description The request cannot be read. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in, or the sign-in expired or is invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or not this merchant's). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not possible now: the message says why (e.g. QuickBooks is not set up). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input: the message names the field and the rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list_credits_credits_get: {
        parameters: {
            query?: {
                available?: boolean;
            };
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditOut"][];
                };
            };
            /** @description The request cannot be read. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in, or the sign-in expired or is invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or not this merchant's). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not possible now: the message says why (e.g. QuickBooks is not set up). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input: the message names the field and the rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    list__dead_letters_get: {
        parameters: {
            query?: {
                consumer?: string;
                include_replayed?: boolean;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetter"][];
                };
            };
            /** @description The request cannot be read. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in, or the sign-in expired or is invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or not this merchant's). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not possible now: the message says why (e.g. QuickBooks is not set up). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input: the message names the field and the rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    replay_dead_letters__dead_letter_id__replay_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dead_letter_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
            /** @description The request cannot be read. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in, or the sign-in expired or is invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or not this merchant's). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not possible now: the message says why (e.g. QuickBooks is not set up). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input: the message names the field and the rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    healthz_healthz_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
        };
    };
    metrics_metrics_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    list_payments_payments_get: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentOut"][];
                };
            };
            /** @description The request cannot be read. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in, or the sign-in expired or is invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or not this merchant's). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not possible now: the message says why (e.g. QuickBooks is not set up). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input: the message names the field and the rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    send_payments_payments_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique text per intended action; a repeat returns the first result. */
                "Idempotency-Key"?: string;
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentIn"];
            };
        };
        responses: {
            /** @description The same request again (Idempotency-Key): what it made the first time. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentOut"][];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentOut"][];
                };
            };
            /** @description The request cannot be read. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in, or the sign-in expired or is invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or not this merchant's). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not possible now: the message says why (e.g. QuickBooks is not set up). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input: the message names the field and the rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    get_payment_payments__payment_id__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path: {
                payment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentOut"];
                };
            };
            /** @description The request cannot be read. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in, or the sign-in expired or is invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or not this merchant's). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not possible now: the message says why (e.g. QuickBooks is not set up). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input: the message names the field and the rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    void_payments__payment_id__void_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path: {
                payment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentOut"];
                };
            };
            /** @description The request cannot be read. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in, or the sign-in expired or is invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or not this merchant's). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not possible now: the message says why (e.g. QuickBooks is not set up). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input: the message names the field and the rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    preview_payments_payments_preview_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlannedCheck"][];
                };
            };
            /** @description The request cannot be read. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not signed in, or the sign-in expired or is invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in, but not allowed to do this. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not found (or not this merchant's). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not possible now: the message says why (e.g. QuickBooks is not set up). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Invalid input: the message names the field and the rule. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    readyz_readyz_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready: every dependency answers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not ready: `checks` says what is not. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
}
