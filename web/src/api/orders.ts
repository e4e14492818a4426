// Generated from web/openapi/orders.json by scripts/api-types.mjs.
// Do not edit: run `python -m cobalt_devstack.frontend api`.

export interface paths {
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
    "/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Orders
         * @description The merchant's orders, newest first, filtered by vendor, order date, received or not.
         */
        get: operations["list_orders_orders_get"];
        put?: never;
        /**
         * Create Order
         * @description Record a vendor order (received at once when `received_on` is given). The same
         *     `Idempotency-Key`, or the same vendor and invoice number, returns the existing order
         *     (200) and never makes a second bill.
         */
        post: operations["create_order_orders_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{order_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Order
         * @description One order of the merchant, with its history.
         */
        get: operations["get_order_orders__order_id__get"];
        /**
         * Edit
         * @description Correct an order. With `received_on` one not yet received is received too. Once
         *     received, the correction goes to its bill in QuickBooks (BillMod; the vendor cannot
         *     change); a cancelled order is refused (409). The edit is kept in its history.
         */
        put: operations["edit_orders__order_id__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{order_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel
         * @description Cancel an order. A received one's bill and vendor credit are voided in QuickBooks at
         *     the next update, unless a payment was applied (its bill then says so, with the fix).
         *     Cancelling again changes nothing; a cancelled order can no longer be edited (409).
         */
        post: operations["cancel_orders__order_id__cancel_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{order_id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive
         * @description Mark an order received: its bill (and vendor credit) go to accounts payable. Receiving
         *     it again changes nothing.
         */
        post: operations["receive_orders__order_id__receive_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Orders
         * @description Record up to 200 orders in one transaction. Each is created, found already recorded
         *     (same vendor and invoice number: never a second bill), or refused with its reason; a
         *     refused order changes nothing and does not stop the others.
         */
        post: operations["create_orders_orders_batch_post"];
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
         * BatchResult
         * @description What became of one order of a batch, by its place in the batch.
         */
        BatchResult: {
            /**
             * Error
             * @description Why it was refused.
             */
            error?: string | null;
            /**
             * Field
             * @description The field the refusal is about.
             */
            field?: string | null;
            /** Index */
            index: number;
            order?: components["schemas"]["OrderOut"] | null;
            /**
             * Status
             * @enum {string}
             */
            status: "created" | "existing" | "refused";
        };
        /** CancelIn */
        CancelIn: {
            /**
             * Cancelled On
             * Format: date
             * @description The store's day the order was cancelled.
             */
            cancelled_on: string;
        };
        /** CategoryOut */
        CategoryOut: {
            /**
             * Amount
             * @example 1240.00
             */
            amount: string;
            /** Category */
            category: string;
        };
        /**
         * ChangeOut
         * @description One line of an order's history.
         */
        ChangeOut: {
            /**
             * Action
             * @enum {string}
             */
            action: "recorded" | "edited" | "received" | "corrected" | "cancelled";
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** By */
            by: string | null;
            /** Summary */
            summary: string;
        };
        /**
         * CreditIn
         * @description A credit the vendor gave on this order.
         */
        CreditIn: {
            /**
             * Amount
             * @description Positive, at most 2 places.
             * @example 12.00
             */
            amount: string | number;
            /**
             * Category
             * @description Purchase category it reduces; none for the Vendor Credits account.
             */
            category?: string | null;
            /** Memo */
            memo?: string | null;
            /**
             * Reason
             * @enum {string}
             */
            reason: "return" | "breakage" | "allowance" | "deposit refund";
        };
        /** CreditOut */
        CreditOut: {
            /**
             * Amount
             * @example 1240.00
             */
            amount: string;
            /** Category */
            category: string | null;
            /** Memo */
            memo: string | null;
            /** Reason */
            reason: string;
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
        /**
         * LineIn
         * @description One line: what was bought, in which purchase category.
         */
        LineIn: {
            /**
             * Category
             * @description Purchase category (required).
             * @example Beer
             */
            category: string;
            /**
             * Description
             * @default
             * @example IPA 6-pack
             */
            description?: string;
            /**
             * Quantity
             * @description Non-negative, at most 3 places.
             * @example 24
             */
            quantity: number | string;
            /**
             * Unit Cost
             * @description Non-negative, at most 2 places.
             * @example 8.50
             */
            unit_cost: string | number;
        };
        /** LineOut */
        LineOut: {
            /**
             * Amount
             * @example 1240.00
             */
            amount: string;
            /** Category */
            category: string;
            /** Description */
            description: string;
            /** Quantity */
            quantity: string;
            /**
             * Unit Cost
             * @example 1240.00
             */
            unit_cost: string;
        };
        /**
         * OrderDetail
         * @description An order with its history: who recorded, edited and received it.
         */
        OrderDetail: {
            /**
             * Cancelled On
             * @description The day it was cancelled.
             */
            cancelled_on?: string | null;
            /** Categories */
            categories: components["schemas"]["CategoryOut"][];
            /**
             * Credit Total
             * @example 1240.00
             */
            credit_total: string;
            /** Credits */
            credits: components["schemas"]["CreditOut"][];
            /** Due Date */
            due_date: string | null;
            /**
             * Editable
             * @description It can still be edited (not cancelled); once received, an edit is a correction its bill follows in QuickBooks.
             */
            editable: boolean;
            /** History */
            history: components["schemas"]["ChangeOut"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Invoice Number */
            invoice_number: string;
            /** Lines */
            lines: components["schemas"]["LineOut"][];
            /**
             * Order Date
             * Format: date
             */
            order_date: string;
            /** Received */
            received: boolean;
            /** Received On */
            received_on: string | null;
            /**
             * Recorded At
             * Format: date-time
             */
            recorded_at: string;
            /**
             * Recorded By
             * @description Who entered it (from their sign-in).
             */
            recorded_by?: string | null;
            /**
             * Revision
             * @description Corrections announced since it was received.
             */
            revision: number;
            /**
             * Total
             * @example 1240.00
             */
            total: string;
            /** Vendor Name */
            vendor_name: string;
        };
        /**
         * OrderIn
         * @description A vendor order. With `received_on` it is received at once.
         */
        OrderIn: {
            /** Credits */
            credits?: components["schemas"]["CreditIn"][];
            /** Due Date */
            due_date?: string | null;
            /**
             * Invoice Number
             * @example INV-1042
             */
            invoice_number: string;
            /** Lines */
            lines: components["schemas"]["LineIn"][];
            /**
             * Order Date
             * Format: date
             */
            order_date: string;
            /** Received On */
            received_on?: string | null;
            /**
             * Total
             * @description If given, must equal the sum of the lines.
             */
            total?: (string | number) | null;
            /**
             * Vendor Name
             * @example Acme Beverage
             */
            vendor_name: string;
        };
        /**
         * OrderOut
         * @description An order, its totals per category and its credits.
         */
        OrderOut: {
            /**
             * Cancelled On
             * @description The day it was cancelled.
             */
            cancelled_on?: string | null;
            /** Categories */
            categories: components["schemas"]["CategoryOut"][];
            /**
             * Credit Total
             * @example 1240.00
             */
            credit_total: string;
            /** Credits */
            credits: components["schemas"]["CreditOut"][];
            /** Due Date */
            due_date: string | null;
            /**
             * Editable
             * @description It can still be edited (not cancelled); once received, an edit is a correction its bill follows in QuickBooks.
             */
            editable: boolean;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Invoice Number */
            invoice_number: string;
            /** Lines */
            lines: components["schemas"]["LineOut"][];
            /**
             * Order Date
             * Format: date
             */
            order_date: string;
            /** Received */
            received: boolean;
            /** Received On */
            received_on: string | null;
            /**
             * Recorded At
             * Format: date-time
             */
            recorded_at: string;
            /**
             * Recorded By
             * @description Who entered it (from their sign-in).
             */
            recorded_by?: string | null;
            /**
             * Revision
             * @description Corrections announced since it was received.
             */
            revision: number;
            /**
             * Total
             * @example 1240.00
             */
            total: string;
            /** Vendor Name */
            vendor_name: string;
        };
        /**
         * OrdersBatchIn
         * @description Several orders at once (an import, a back office catching up).
         */
        OrdersBatchIn: {
            /** Orders */
            orders: components["schemas"]["OrderIn"][];
        };
        /** OrdersBatchOut */
        OrdersBatchOut: {
            /** Created */
            created: number;
            /** Existing */
            existing: number;
            /** Refused */
            refused: number;
            /** Results */
            results: components["schemas"]["BatchResult"][];
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
        /** ReceiveIn */
        ReceiveIn: {
            /**
             * Received On
             * Format: date
             */
            received_on: string;
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
    list_orders_orders_get: {
        parameters: {
            query?: {
                /** @description Order date from */
                from?: string;
                limit?: number;
                /** @description Received or not */
                received?: boolean;
                /** @description Order date to */
                to?: string;
                /** @description Vendor name contains */
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
                    "application/json": components["schemas"]["OrderOut"][];
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
    create_order_orders_post: {
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
                "application/json": components["schemas"]["OrderIn"];
            };
        };
        responses: {
            /** @description The same request again (Idempotency-Key): what it made the first time. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderOut"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderOut"];
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
    get_order_orders__order_id__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path: {
                order_id: string;
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
                    "application/json": components["schemas"]["OrderDetail"];
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
    edit_orders__order_id__put: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDetail"];
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
    cancel_orders__order_id__cancel_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderDetail"];
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
    receive_orders__order_id__receive_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path: {
                order_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiveIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderOut"];
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
    create_orders_orders_batch_post: {
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
                "application/json": components["schemas"]["OrdersBatchIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrdersBatchOut"];
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
