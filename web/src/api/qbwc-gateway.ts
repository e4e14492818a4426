// Generated from web/openapi/qbwc-gateway.json by scripts/api-types.mjs.
// Do not edit: run `python -m cobalt_devstack.frontend api`.

export interface paths {
    "/connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My Connection
         * @description The signed-in merchant's QuickBooks connection and its health, or how to get it set
         *     up.
         */
        get: operations["my_connection_connection_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connection/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My Alert Emails
         * @description The alert e-mails of the merchant, newest first (sent, or waiting for the server).
         */
        get: operations["my_alert_emails_connection_alerts_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connection/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * My Contact Email
         * @description Where the merchant's QuickBooks alert e-mails go (422 when it is not an address).
         */
        put: operations["my_contact_email_connection_contact_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connection/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My Sync History
         * @description The merchant's sync history: every Web Connector contact, newest first.
         */
        get: operations["my_sync_history_connection_history_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connections/{merchant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Connection
         * @description A merchant's connection and its health (support only).
         */
        get: operations["get_connection_connections__merchant_id__get"];
        /**
         * Put Connection
         * @description Create or update a merchant's QuickBooks connection (support only).
         */
        put: operations["put_connection_connections__merchant_id__put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connections/{merchant_id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sync History
         * @description A merchant's sync history (support only).
         */
        get: operations["sync_history_connections__merchant_id__history_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connections/{merchant_id}/qwc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download Qwc
         * @description The .qwc file the merchant opens in the Web Connector (support only).
         */
        get: operations["download_qwc_connections__merchant_id__qwc_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connections/{merchant_id}/signin/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock Signin
         * @description Clear a connection's sign-in lock after too many failed attempts (support only).
         */
        post: operations["unlock_signin_connections__merchant_id__signin_unlock_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * All Contacts
         * @description Every Web Connector contact (support only); `unattributed`: only those no merchant
         *     could be named for (unknown user names, refused Web Connector versions).
         */
        get: operations["all_contacts_contacts_get"];
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
    "/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Entries List
         * @description The merchant's QuickBooks entries, newest first (by date), filtered by state, kind,
         *     date and a search on vendor, reference number or amount.
         */
        get: operations["entries_list_entries_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entries/{entry_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Entries Show
         * @description One entry with its explanation, request and response.
         */
        get: operations["entries_show_entries__entry_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entries/{entry_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Entries Retry
         * @description Send a failed entry again once its cause is fixed (409 with the reason otherwise).
         */
        post: operations["entries_retry_entries__entry_id__retry_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entries/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Entries Counts
         * @description How many entries are in each state.
         */
        get: operations["entries_counts_entries_counts_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entries/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Entries Export
         * @description The entries the filters select (up to 20,000, newest first) as a CSV file.
         */
        get: operations["entries_export_entries_export_csv_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entries/retry-failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Entries Retry Failed
         * @description Retry every failed entry: each goes again once what it waits for is there.
         */
        post: operations["entries_retry_failed_entries_retry_failed_post"];
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
         * AlertEmailOut
         * @description An alert e-mail to the merchant, and whether the mail server took it.
         */
        AlertEmailOut: {
            /** Attempts */
            attempts: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            /** Last Error */
            last_error: string | null;
            /** Sent At */
            sent_at: string | null;
            /** Subject */
            subject: string;
            /** To */
            to: string;
        };
        /**
         * ConnectionIn
         * @description What support enters to connect a merchant's QuickBooks.
         */
        ConnectionIn: {
            /**
             * Company File
             * @example C:\QuickBooks\Demo Liquors.QBW
             */
            company_file?: string | null;
            /**
             * Contact Email
             * @description Where alert e-mails go (the merchant can change it); omitted: kept
             * @example owner@demo-liquors.example
             */
            contact_email?: string | null;
            /**
             * Password
             * @description Set or rotate; never returned
             */
            password?: string | null;
            /**
             * Qbwc User
             * @example demo-liquors
             */
            qbwc_user: string;
            /**
             * Qbxml Version
             * @default 13.0
             * @example 13.0
             */
            qbxml_version?: string;
            /**
             * Start Date
             * Format: date
             * @description Nothing dated before it is sent to QuickBooks
             */
            start_date: string;
        };
        /**
         * ConnectionOut
         * @description A connection's state, as support and the merchant's pages show it.
         */
        ConnectionOut: {
            /** Company File */
            company_file?: string | null;
            /**
             * Contact Email
             * @description Where alert e-mails go.
             */
            contact_email?: string | null;
            /**
             * Entries Waiting
             * @default 0
             */
            entries_waiting?: number;
            /** File Id */
            file_id?: string | null;
            health: components["schemas"]["HealthOut"];
            /** Last Contact At */
            last_contact_at?: string | null;
            /** Last Error */
            last_error?: string | null;
            /** Message */
            message?: string | null;
            /** Oldest Waiting Since */
            oldest_waiting_since?: string | null;
            /**
             * Overdue
             * @default false
             */
            overdue?: boolean;
            /** Qbwc User */
            qbwc_user?: string | null;
            /** Qbxml Version */
            qbxml_version?: string | null;
            /**
             * Set Up
             * @description Support has set up the connection.
             */
            set_up: boolean;
            signin?: components["schemas"]["SignInOut"] | null;
            /** Start Date */
            start_date?: string | null;
            /** Status */
            status: string;
        };
        /**
         * ContactEmailIn
         * @description The address the merchant's QuickBooks alerts go to (null or empty: none).
         */
        ContactEmailIn: {
            /**
             * Contact Email
             * @example owner@store.example
             */
            contact_email?: string | null;
        };
        /**
         * ContactOut
         * @description One Web Connector contact: a sign-in and, when it got in, its update.
         */
        ContactOut: {
            /** Ended At */
            ended_at: string | null;
            /** Entries Sent */
            entries_sent: number;
            /** Failed */
            failed: number;
            /**
             * Fix
             * @description What fixes it.
             */
            fix: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            outcome: components["schemas"]["Outcome"];
            /**
             * Problem
             * @description Something went wrong that someone must see.
             */
            problem: boolean;
            /**
             * Qbwc User
             * @description The user name the Web Connector gave.
             */
            qbwc_user: string;
            /**
             * Reason
             * @description What went wrong, in plain words.
             */
            reason: string | null;
            /**
             * Recovery
             * @description A lost answer was settled by error recovery.
             */
            recovery: boolean;
            /**
             * Requests
             * @description Request sets sent to QuickBooks.
             */
            requests: number;
            /**
             * Source
             * @description The address it called from.
             */
            source: string;
            /**
             * Started At
             * Format: date-time
             */
            started_at: string;
            /** Synced */
            synced: number;
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
         * EntryDetail
         * @description One entry with its history, what was sent and what QuickBooks answered.
         */
        EntryDetail: {
            /**
             * Accounts
             * @description The CobaltConnect accounts it posts to.
             */
            accounts: string[];
            /**
             * Amount
             * @description Its total in QuickBooks.
             */
            amount?: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Description
             * @description What it is: 'bill INV-77 from Acme Beverage'.
             */
            description: string;
            /** Detail */
            detail: string;
            /** Error Code */
            error_code: string | null;
            /**
             * History
             * @description Each state it took, oldest first.
             */
            history: components["schemas"]["EntryEventOut"][];
            /**
             * Id
             * Format: uuid
             */
            id: string;
            kind: components["schemas"]["EntryKind"];
            /**
             * Origin
             * @description Where it comes from: an order, a payment, a store day.
             */
            origin?: string | null;
            /**
             * Party
             * @description The vendor (or payee) it is made with.
             */
            party?: string | null;
            /**
             * Payload
             * @description What the entry must make in QuickBooks (JSON).
             */
            payload: string;
            quickbooks_vendor?: components["schemas"]["QuickBooksVendorOut"] | null;
            /**
             * Ref Number
             * @description Invoice, credit or check number.
             */
            ref_number?: string | null;
            /**
             * Request Xml
             * @description The qbXML request sent, indented.
             */
            request_xml: string | null;
            /**
             * Response Xml
             * @description QuickBooks' answer, indented.
             */
            response_xml: string | null;
            /** Retried At */
            retried_at?: string | null;
            /**
             * Retried By
             * @description Who last pressed Retry on it.
             */
            retried_by?: string | null;
            /**
             * Retryable
             * @description Retry can send it again (it failed).
             */
            retryable: boolean;
            state: components["schemas"]["EntryState"];
            /**
             * Tone
             * @description How the state reads at a glance.
             * @enum {string}
             */
            tone: "pending" | "waiting" | "failed" | "synced" | "neutral";
            /**
             * Txn Date
             * Format: date
             */
            txn_date: string;
            /** Txn Id */
            txn_id: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * EntryEventOut
         * @description A state the entry took, when, and why.
         */
        EntryEventOut: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Detail */
            detail: string;
            state: components["schemas"]["EntryState"];
            /**
             * Tone
             * @enum {string}
             */
            tone: "pending" | "waiting" | "failed" | "synced" | "neutral";
        };
        /**
         * EntryKind
         * @enum {string}
         */
        EntryKind: "bill" | "vendor-credit" | "bill-payment" | "payment-void" | "bill-change" | "vendor-credit-change" | "bill-void" | "vendor-credit-void" | "deposit" | "journal-entry" | "vendor" | "account-query";
        /**
         * EntryOut
         * @description An entry as the QB Entries page shows it.
         */
        EntryOut: {
            /**
             * Accounts
             * @description The CobaltConnect accounts it posts to.
             */
            accounts: string[];
            /**
             * Amount
             * @description Its total in QuickBooks.
             */
            amount?: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Description
             * @description What it is: 'bill INV-77 from Acme Beverage'.
             */
            description: string;
            /** Detail */
            detail: string;
            /** Error Code */
            error_code: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            kind: components["schemas"]["EntryKind"];
            /**
             * Origin
             * @description Where it comes from: an order, a payment, a store day.
             */
            origin?: string | null;
            /**
             * Party
             * @description The vendor (or payee) it is made with.
             */
            party?: string | null;
            /**
             * Ref Number
             * @description Invoice, credit or check number.
             */
            ref_number?: string | null;
            /** Retried At */
            retried_at?: string | null;
            /**
             * Retried By
             * @description Who last pressed Retry on it.
             */
            retried_by?: string | null;
            /**
             * Retryable
             * @description Retry can send it again (it failed).
             */
            retryable: boolean;
            state: components["schemas"]["EntryState"];
            /**
             * Tone
             * @description How the state reads at a glance.
             * @enum {string}
             */
            tone: "pending" | "waiting" | "failed" | "synced" | "neutral";
            /**
             * Txn Date
             * Format: date
             */
            txn_date: string;
            /** Txn Id */
            txn_id: string | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * EntryState
         * @enum {string}
         */
        EntryState: "waiting for mapping" | "waiting for prerequisite" | "ready" | "sent" | "checking" | "looking up" | "synced" | "in QuickBooks before the start date" | "failed" | "cancelled";
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
         * HealthOut
         * @description The connection's one health state, its reason and what fixes it.
         */
        HealthOut: {
            /** Fix */
            fix?: string | null;
            /**
             * Problems
             * @description Everything wrong now, the main one first.
             */
            problems: components["schemas"]["ProblemOut"][];
            /** Reason */
            reason: string;
            state: components["schemas"]["HealthState"];
        };
        /**
         * HealthState
         * @enum {string}
         */
        HealthState: "healthy" | "needs attention" | "overdue" | "not set up";
        /**
         * Outcome
         * @enum {string}
         */
        Outcome: "in progress" | "updated" | "nothing to do" | "another update was running" | "wrong password" | "unknown user" | "sign-in paused" | "wrong company file" | "Web Connector too old" | "QuickBooks could not be opened" | "stopped mid-update" | "update failed";
        /** ProblemOut */
        ProblemOut: {
            /** Fix */
            fix: string;
            /**
             * Page
             * @description The web app's page that shows and fixes it (#/...).
             */
            page: string;
            /** Reason */
            reason: string;
        };
        /**
         * QuickBooksVendorOut
         * @description The QuickBooks vendor an entry's vendor name is linked to.
         */
        QuickBooksVendorOut: {
            /** List Id */
            list_id: string | null;
            /**
             * Name
             * @description The vendor's name as the merchant typed it.
             */
            name: string;
            /**
             * Quickbooks Name
             * @description The name QuickBooks has for it.
             */
            quickbooks_name: string | null;
            /** State */
            state: string;
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
         * RetriedOut
         * @description What Retry all failed did.
         */
        RetriedOut: {
            /** Entries */
            entries: components["schemas"]["EntryOut"][];
            /** Retried */
            retried: number;
        };
        /**
         * SignInOut
         * @description Failed Web Connector sign-ins of a connection (support sees them; Unlock clears).
         */
        SignInOut: {
            /**
             * Failures
             * @description Failed sign-ins in a row.
             */
            failures: number;
            /** Last Failed At */
            last_failed_at?: string | null;
            /**
             * Last Source
             * @description The address of the last failure.
             */
            last_source?: string | null;
            /**
             * Locked
             * @description Sign-in is locked: every answer is nvu for now.
             */
            locked: boolean;
            /** Locked Until */
            locked_until?: string | null;
        };
        /**
         * SyncHistoryOut
         * @description Web Connector contacts, newest first, a page at a time.
         */
        SyncHistoryOut: {
            /** Contacts */
            contacts: components["schemas"]["ContactOut"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
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
    my_connection_connection_get: {
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
                    "application/json": components["schemas"]["ConnectionOut"];
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
    my_alert_emails_connection_alerts_get: {
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
                    "application/json": components["schemas"]["AlertEmailOut"][];
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
    my_contact_email_connection_contact_put: {
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
                "application/json": components["schemas"]["ContactEmailIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
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
    my_sync_history_connection_history_get: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
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
                    "application/json": components["schemas"]["SyncHistoryOut"];
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
    get_connection_connections__merchant_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchant_id: string;
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
                    "application/json": components["schemas"]["ConnectionOut"];
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
    put_connection_connections__merchant_id__put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchant_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConnectionIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
                };
            };
            /** @description Set up (a new connection). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionOut"];
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
    sync_history_connections__merchant_id__history_get: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                merchant_id: string;
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
                    "application/json": components["schemas"]["SyncHistoryOut"];
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
    download_qwc_connections__merchant_id__qwc_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchant_id: string;
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
                    "application/json": unknown;
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
    unlock_signin_connections__merchant_id__signin_unlock_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchant_id: string;
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
                    "application/json": components["schemas"]["ConnectionOut"];
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
    all_contacts_contacts_get: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                unattributed?: boolean;
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
                    "application/json": components["schemas"]["SyncHistoryOut"];
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
    entries_list_entries_get: {
        parameters: {
            query?: {
                date_from?: string;
                date_to?: string;
                kind?: components["schemas"]["EntryKind"];
                limit?: number;
                offset?: number;
                /** @description Vendor, reference or amount. */
                q?: string;
                state?: components["schemas"]["EntryState"];
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
                    "application/json": components["schemas"]["EntryOut"][];
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
    entries_show_entries__entry_id__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path: {
                entry_id: string;
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
                    "application/json": components["schemas"]["EntryDetail"];
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
    entries_retry_entries__entry_id__retry_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path: {
                entry_id: string;
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
                    "application/json": components["schemas"]["EntryOut"];
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
    entries_counts_entries_counts_get: {
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
                    "application/json": {
                        [key: string]: number;
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
    entries_export_entries_export_csv_get: {
        parameters: {
            query?: {
                date_from?: string;
                date_to?: string;
                kind?: components["schemas"]["EntryKind"];
                /** @description Vendor, reference or amount. */
                q?: string;
                state?: components["schemas"]["EntryState"];
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
            /** @description The entries as CSV. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": unknown;
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
    entries_retry_failed_entries_retry_failed_post: {
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
                    "application/json": components["schemas"]["RetriedOut"];
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
