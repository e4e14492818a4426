// Generated from web/openapi/reporting.json by scripts/api-types.mjs.
// Do not edit: run `python -m cobalt_devstack.frontend api`.

export interface paths {
    "/card-settlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post Settlement
         * @description A card settlement batch: one deposit of its net into the operating account that clears
         *     the gross from Card Clearing and puts fees and chargebacks in their expense accounts. One
         *     naming business days not closed yet waits for them, and says so.
         */
        post: operations["post_settlement_card_settlements_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Days
         * @description Each day's close status, figures and QuickBooks entries, for a range of days.
         */
        get: operations["list_days_days_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/days/{day}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Day
         * @description A day's close status, figures and QuickBooks entries with their state.
         */
        get: operations["get_day_days__day__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/days/{day}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close
         * @description Close a business day now (it also closes by itself at the close time).
         */
        post: operations["close_days__day__close_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/days/{day}/tie-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Tie Out
         * @description Tenders = journal entry = deposits + clearing, with tax, fees, over/short and
         *     adjustments; a line that does not tie says why. 409 while the day is open.
         */
        get: operations["get_tie_out_days__day__tie_out_get"];
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
    "/reports/card-clearing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Card Clearing
         * @description Card sales, settlements, fees and what is still in Card Clearing, per day.
         */
        get: operations["card_clearing_reports_card_clearing_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/sales-by-category": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sales By Category
         * @description Sales by category per business day, net of refunds, with tax and tenders.
         */
        get: operations["sales_by_category_reports_sales_by_category_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post Sales
         * @description A batch of POS sales and refunds; a sale id sent again counts once.
         */
        post: operations["post_sales_sales_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Schedule */
        get: operations["get_schedule_schedule_get"];
        /**
         * Put Schedule
         * @description When the merchant's business day ends, in its own time zone.
         */
        put: operations["put_schedule_schedule_put"];
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
        /** AdjustmentOut */
        AdjustmentOut: {
            /**
             * Closed With
             * Format: date
             * @description The close that posted it.
             */
            closed_with: string;
            figures: components["schemas"]["DayFiguresOut"];
        };
        /** CategoryAmount */
        CategoryAmount: {
            /**
             * Amount
             * @example 1240.00
             */
            amount: string;
            /** Category */
            category: string;
        };
        /**
         * ClearingRow
         * @description One day of the Card Clearing account.
         */
        ClearingRow: {
            /**
             * Card Sales
             * @description Card sales of the day's close (late ones included).
             * @example 1240.00
             */
            card_sales: string;
            /**
             * Chargebacks
             * @example 1240.00
             */
            chargebacks: string;
            /**
             * Day
             * Format: date
             */
            day: string;
            /**
             * Deposited
             * @description What the bank received for those batches.
             * @example 1240.00
             */
            deposited: string;
            /**
             * Fees
             * @example 1240.00
             */
            fees: string;
            /**
             * In Clearing
             * @description Card sales not yet settled, at the end of the day.
             * @example 1240.00
             */
            in_clearing: string;
            /**
             * Settled
             * @description Gross of the batches settled that day.
             * @example 1240.00
             */
            settled: string;
        };
        /**
         * CloseFiguresOut
         * @description What a close counted, deposited and posted.
         */
        CloseFiguresOut: {
            /**
             * Cash Deposit
             * @description The day's cash deposit.
             * @example 1240.00
             */
            cash_deposit: string;
            /**
             * Closed Early
             * @description Closed before its close time, on request.
             * @default false
             */
            closed_early?: boolean;
            /**
             * Counted Cash
             * @description Cash counted in the drawer, if entered.
             */
            counted_cash?: string | null;
            /**
             * Discounts
             * @description Discounts given.
             * @default 0.00
             * @example 1240.00
             */
            discounts?: string;
            /**
             * Gift Cards Redeemed
             * @default 0.00
             * @example 1240.00
             */
            gift_cards_redeemed?: string;
            /**
             * Gift Cards Sold
             * @default 0.00
             * @example 1240.00
             */
            gift_cards_sold?: string;
            /**
             * Late
             * @description Late sales of closed days, posted with it.
             */
            late?: components["schemas"]["LateDayOut"][];
            /**
             * Net Sales
             * @description Category sales less discounts and refunds.
             * @example 1240.00
             */
            net_sales: string;
            /**
             * Over Short
             * @description Deposit less the cash taken (negative: short).
             * @example 1240.00
             */
            over_short: string;
            /**
             * Refunded
             * @description Refunded sales, before tax.
             * @default 0.00
             * @example 1240.00
             */
            refunded?: string;
            /**
             * Refunds
             * @description Refunds counted.
             */
            refunds: number;
            /**
             * Rounding
             * @description POS totals less the sum of their lines.
             * @default 0.00
             * @example 1240.00
             */
            rounding?: string;
            /**
             * Sales
             * @description Sales counted.
             */
            sales: number;
            /**
             * Sales By Category
             * @description Sales per category before discounts (refunds are apart).
             */
            sales_by_category: components["schemas"]["CategoryAmount"][];
            /**
             * Tax
             * @description All sales tax collected (net of refunds).
             * @example 1240.00
             */
            tax: string;
            /**
             * Taxes
             * @description Tax by rate or agency.
             */
            taxes?: components["schemas"]["TaxAmount"][];
            /**
             * Tenders
             * @description Totals per tender: card, cash, gift-card, other.
             */
            tenders: {
                [key: string]: string;
            };
            /**
             * Tips
             * @description Tips (owed to the staff).
             * @default 0.00
             * @example 1240.00
             */
            tips?: string;
        };
        /** CloseIn */
        CloseIn: {
            /**
             * Counted Cash
             * @description Cash counted in the drawer.
             */
            counted_cash?: (string | number) | null;
            /**
             * Early
             * @description Close before the close time.
             * @default false
             */
            early?: boolean;
        };
        /**
         * DayEntryOut
         * @description A QuickBooks entry the day made (its sales journal entry, its cash deposit).
         */
        DayEntryOut: {
            /**
             * Amount
             * @example 1240.00
             */
            amount: string;
            /** Description */
            description: string;
            /** Detail */
            detail: string | null;
            /** Entry Id */
            entry_id: string;
            /** Kind */
            kind: string;
            /**
             * Link
             * @description The entry on the QB Entries page.
             */
            link: string;
            /**
             * State
             * @description As the gateway last said: pending, waiting, synced...
             */
            state: string;
            /**
             * Tone
             * @enum {string}
             */
            tone: "pending" | "waiting" | "failed" | "synced" | "neutral";
            /** Txn Id */
            txn_id: string | null;
        };
        /**
         * DayFiguresOut
         * @description A business day's summary: what the journal entry posts, line by line.
         */
        DayFiguresOut: {
            /**
             * Discounts
             * @description Discounts given.
             * @default 0.00
             * @example 1240.00
             */
            discounts?: string;
            /**
             * Gift Cards Redeemed
             * @default 0.00
             * @example 1240.00
             */
            gift_cards_redeemed?: string;
            /**
             * Gift Cards Sold
             * @default 0.00
             * @example 1240.00
             */
            gift_cards_sold?: string;
            /**
             * Net Sales
             * @description Category sales less discounts and refunds.
             * @example 1240.00
             */
            net_sales: string;
            /**
             * Refunded
             * @description Refunded sales, before tax.
             * @default 0.00
             * @example 1240.00
             */
            refunded?: string;
            /**
             * Refunds
             * @description Refunds counted.
             */
            refunds: number;
            /**
             * Rounding
             * @description POS totals less the sum of their lines.
             * @default 0.00
             * @example 1240.00
             */
            rounding?: string;
            /**
             * Sales
             * @description Sales counted.
             */
            sales: number;
            /**
             * Sales By Category
             * @description Sales per category before discounts (refunds are apart).
             */
            sales_by_category: components["schemas"]["CategoryAmount"][];
            /**
             * Tax
             * @description All sales tax collected (net of refunds).
             * @example 1240.00
             */
            tax: string;
            /**
             * Taxes
             * @description Tax by rate or agency.
             */
            taxes?: components["schemas"]["TaxAmount"][];
            /**
             * Tenders
             * @description Totals per tender: card, cash, gift-card, other.
             */
            tenders: {
                [key: string]: string;
            };
            /**
             * Tips
             * @description Tips (owed to the staff).
             * @default 0.00
             * @example 1240.00
             */
            tips?: string;
        };
        /**
         * DayOut
         * @description A business day: open (and when it closes, store time) or closed, with its entries.
         */
        DayOut: {
            /**
             * Adjustments
             * @description Late sales of this day that arrived after it closed, each posted as an adjustment dated this day by a later close.
             */
            adjustments?: components["schemas"]["AdjustmentOut"][];
            /** Closed At */
            closed_at: string | null;
            /**
             * Closes At
             * @description When the day closes, in the store's time zone (ISO).
             */
            closes_at: string;
            /**
             * Day
             * Format: date
             */
            day: string;
            /** Entries */
            entries: components["schemas"]["DayEntryOut"][];
            figures: components["schemas"]["CloseFiguresOut"] | null;
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "closed";
            /** @description With adjustments: the day's figures with them (the POS's report). */
            total?: components["schemas"]["DayFiguresOut"] | null;
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
         * IngestOut
         * @description Each sale is accepted, a duplicate (already counted), or rejected with its reason.
         */
        IngestOut: {
            /** Accepted */
            accepted: number;
            /** Duplicates */
            duplicates: string[];
            /** Rejected */
            rejected: {
                [key: string]: string;
            }[];
        };
        /**
         * LateDayOut
         * @description Sales of an earlier, already closed day that arrived late and rode on this close.
         */
        LateDayOut: {
            /**
             * Day
             * Format: date
             */
            day: string;
            /**
             * Discounts
             * @description Discounts given.
             * @default 0.00
             * @example 1240.00
             */
            discounts?: string;
            /**
             * Gift Cards Redeemed
             * @default 0.00
             * @example 1240.00
             */
            gift_cards_redeemed?: string;
            /**
             * Gift Cards Sold
             * @default 0.00
             * @example 1240.00
             */
            gift_cards_sold?: string;
            /**
             * Net Sales
             * @description Category sales less discounts and refunds.
             * @example 1240.00
             */
            net_sales: string;
            /**
             * Refunded
             * @description Refunded sales, before tax.
             * @default 0.00
             * @example 1240.00
             */
            refunded?: string;
            /**
             * Refunds
             * @description Refunds counted.
             */
            refunds: number;
            /**
             * Rounding
             * @description POS totals less the sum of their lines.
             * @default 0.00
             * @example 1240.00
             */
            rounding?: string;
            /**
             * Sales
             * @description Sales counted.
             */
            sales: number;
            /**
             * Sales By Category
             * @description Sales per category before discounts (refunds are apart).
             */
            sales_by_category: components["schemas"]["CategoryAmount"][];
            /**
             * Tax
             * @description All sales tax collected (net of refunds).
             * @example 1240.00
             */
            tax: string;
            /**
             * Taxes
             * @description Tax by rate or agency.
             */
            taxes?: components["schemas"]["TaxAmount"][];
            /**
             * Tenders
             * @description Totals per tender: card, cash, gift-card, other.
             */
            tenders: {
                [key: string]: string;
            };
            /**
             * Tips
             * @description Tips (owed to the staff).
             * @default 0.00
             * @example 1240.00
             */
            tips?: string;
        };
        /** PosLineTax */
        PosLineTax: {
            /**
             * Amount
             * @description Tax collected, at most 2 places.
             * @example 0.13
             */
            amount: string;
            /**
             * Name
             * @description The tax rate or agency.
             * @example County 1%
             */
            name: string;
        };
        /**
         * PosSale
         * @description A sale, or a refund when `refund_of` names the sale refunded (amounts positive).
         */
        PosSale: {
            /**
             * Gift Cards Sold
             * @description Gift cards sold (no tax: a liability).
             * @default 0.00
             */
            gift_cards_sold?: string;
            /** Lines */
            lines?: components["schemas"]["PosSaleLine"][];
            /**
             * Refund Of
             * @description For a refund: the sale it refunds.
             */
            refund_of?: string | null;
            /**
             * Sale Id
             * @description The POS's id; a sale sent twice counts once.
             */
            sale_id: string;
            /**
             * Sold At
             * @description ISO 8601 time with its UTC offset.
             */
            sold_at: string;
            /** Tenders */
            tenders?: components["schemas"]["PosTender"][];
            /**
             * Tips
             * @description Tips, each paid by one of the sale's tenders.
             */
            tips?: components["schemas"]["PosTip"][];
            /**
             * Total
             * @description The total as the POS printed it, when stated; a few cents from the sum of the lines go to Rounding, and the tenders must pay it.
             */
            total?: string | null;
        };
        /**
         * PosSaleLine
         * @description One line of a sale. Amounts stay text here: each sale is checked on its own, so one bad
         *     sale is reported by its id while the others in the batch are kept.
         */
        PosSaleLine: {
            /**
             * Amount
             * @description Amount before tax, at most 2 places.
             * @example 12.99
             */
            amount: string;
            /**
             * Category
             * @description Sales category.
             * @example Beer
             */
            category: string;
            /**
             * Discount
             * @description Discount given on the line: `amount` is before it, tax after it.
             * @default 0.00
             */
            discount?: string;
            /**
             * Tax
             * @description Sales tax on the line, at most 2 places.
             * @default 0.00
             */
            tax?: string;
            /**
             * Taxes
             * @description Tax by rate or agency, each to its own Sales Tax Payable account (besides `tax`, which goes to the store's one).
             */
            taxes?: components["schemas"]["PosLineTax"][];
        };
        /** PosTender */
        PosTender: {
            /**
             * Amount
             * @description Amount tendered, at most 2 places.
             * @example 14.03
             */
            amount: string;
            /**
             * Type
             * @description card, cash, gift-card (a redemption) or other
             * @example card
             */
            type: string;
        };
        /** PosTip */
        PosTip: {
            /**
             * Amount
             * @description The tip, at most 2 places.
             * @example 2.00
             */
            amount: string;
            /**
             * Tender
             * @description The tender type that paid the tip.
             * @example card
             */
            tender: string;
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
        /** SalesBatch */
        SalesBatch: {
            /** Sales */
            sales: components["schemas"]["PosSale"][];
        };
        /**
         * SalesRow
         * @description One business day of the sales report.
         */
        SalesRow: {
            /**
             * Day
             * Format: date
             */
            day: string;
            /**
             * Discounts
             * @description Discounts given.
             * @default 0.00
             * @example 1240.00
             */
            discounts?: string;
            /**
             * Gift Cards Redeemed
             * @default 0.00
             * @example 1240.00
             */
            gift_cards_redeemed?: string;
            /**
             * Gift Cards Sold
             * @default 0.00
             * @example 1240.00
             */
            gift_cards_sold?: string;
            /**
             * Net Sales
             * @description Category sales less discounts and refunds.
             * @example 1240.00
             */
            net_sales: string;
            /**
             * Refunded
             * @description Refunded sales, before tax.
             * @default 0.00
             * @example 1240.00
             */
            refunded?: string;
            /**
             * Refunds
             * @description Refunds counted.
             */
            refunds: number;
            /**
             * Rounding
             * @description POS totals less the sum of their lines.
             * @default 0.00
             * @example 1240.00
             */
            rounding?: string;
            /**
             * Sales
             * @description Sales counted.
             */
            sales: number;
            /**
             * Sales By Category
             * @description Sales per category before discounts (refunds are apart).
             */
            sales_by_category: components["schemas"]["CategoryAmount"][];
            /**
             * Tax
             * @description All sales tax collected (net of refunds).
             * @example 1240.00
             */
            tax: string;
            /**
             * Taxes
             * @description Tax by rate or agency.
             */
            taxes?: components["schemas"]["TaxAmount"][];
            /**
             * Tenders
             * @description Totals per tender: card, cash, gift-card, other.
             */
            tenders: {
                [key: string]: string;
            };
            /**
             * Tips
             * @description Tips (owed to the staff).
             * @default 0.00
             * @example 1240.00
             */
            tips?: string;
        };
        /**
         * ScheduleIn
         * @description When the merchant's business day ends, in its own time zone.
         */
        ScheduleIn: {
            /**
             * Close Time
             * @description Local time the business day ends (HH:MM).
             * @example 23:59
             */
            close_time: string;
            /**
             * Timezone
             * @description IANA time zone name.
             * @example America/New_York
             */
            timezone: string;
        };
        /**
         * SettlementIn
         * @description A card settlement batch as the processor reports it.
         */
        SettlementIn: {
            /**
             * Batch Id
             * @example B-20261124
             */
            batch_id: string;
            /**
             * Chargebacks
             * @description Chargebacks and adjustments withheld from the batch.
             */
            chargebacks?: (string | number) | null;
            /**
             * Days
             * @description The business days whose card sales it settles: it waits until they are closed (their card sales are in Card Clearing), then it is posted.
             */
            days?: string[];
            /**
             * Fees
             * @description Processing fees kept by the processor.
             */
            fees?: (string | number) | null;
            /**
             * Gross
             * @description The batch's card sales.
             * @example 1240.00
             */
            gross: string | number;
            /**
             * Net
             * @description What the bank received; when given it must add up (422 otherwise).
             */
            net?: (string | number) | null;
            /**
             * Settled On
             * Format: date
             */
            settled_on: string;
        };
        /** SettlementOut */
        SettlementOut: {
            /** Batch Id */
            batch_id: string;
            /**
             * Status
             * @description recorded, already recorded, or waiting for days to close
             */
            status: string;
            /**
             * Waiting For
             * @description Days not closed yet that it waits for.
             */
            waiting_for: string[];
        };
        /** TaxAmount */
        TaxAmount: {
            /**
             * Amount
             * @example 1240.00
             */
            amount: string;
            /**
             * Name
             * @description The tax rate or agency; 'Sales tax' for unnamed tax.
             */
            name: string;
        };
        /** TieLineOut */
        TieLineOut: {
            /**
             * Books
             * @description What the books (QuickBooks) say.
             * @example 1240.00
             */
            books: string;
            /** Label */
            label: string;
            /**
             * Pos
             * @description What the POS (or CobaltConnect) says.
             * @example 1240.00
             */
            pos: string;
            /** Ties */
            ties: boolean;
            /**
             * Why
             * @description When it does not tie: why, and what to do.
             */
            why?: string | null;
        };
        /**
         * TieOutOut
         * @description A closed day's tie-out: a red line wherever a figure does not tie, with the reason.
         */
        TieOutOut: {
            /**
             * Day
             * Format: date
             */
            day: string;
            /** Lines */
            lines: components["schemas"]["TieLineOut"][];
            /**
             * Ties
             * @description Every line ties.
             */
            ties: boolean;
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
    post_settlement_card_settlements_post: {
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
                "application/json": components["schemas"]["SettlementIn"];
            };
        };
        responses: {
            /** @description The same batch again: what it made the first time. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementOut"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementOut"];
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
    list_days_days_get: {
        parameters: {
            query: {
                from: string;
                to?: string;
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
                    "application/json": components["schemas"]["DayOut"][];
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
    get_day_days__day__get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path: {
                day: string;
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
                    "application/json": components["schemas"]["DayOut"];
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
    close_days__day__close_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path: {
                day: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DayOut"];
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
    get_tie_out_days__day__tie_out_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Merchant to act for (support and service tokens only) */
                "x-merchant-id"?: string;
            };
            path: {
                day: string;
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
                    "application/json": components["schemas"]["TieOutOut"];
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
    card_clearing_reports_card_clearing_get: {
        parameters: {
            query: {
                from: string;
                to?: string;
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
                    "application/json": components["schemas"]["ClearingRow"][];
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
    sales_by_category_reports_sales_by_category_get: {
        parameters: {
            query: {
                format?: "json" | "csv";
                from: string;
                to?: string;
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
            /** @description JSON rows, or CSV with format=csv. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalesRow"][];
                    "text/csv": string;
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
    post_sales_sales_post: {
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
                "application/json": components["schemas"]["SalesBatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestOut"];
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
    get_schedule_schedule_get: {
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
                    "application/json": components["schemas"]["ScheduleIn"];
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
    put_schedule_schedule_put: {
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
                "application/json": components["schemas"]["ScheduleIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleIn"];
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
}
