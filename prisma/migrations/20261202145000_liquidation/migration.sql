-- CreateTable
CREATE TABLE "LiquidationTicket" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "triggerMinute" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "heldUntil" TIMESTAMPTZ(3),
    "holdMs" INTEGER NOT NULL DEFAULT 0,
    "holdCapMs" INTEGER NOT NULL,
    "paramVersion" INTEGER NOT NULL,
    "marginLevel" DOUBLE PRECISION,
    "equity" DECIMAL(20,2) NOT NULL,
    "maintenance" DECIMAL(20,2) NOT NULL,
    "reasons" JSONB NOT NULL,
    "plan" JSONB NOT NULL,
    "shortfall" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "expectedSlippageBps" DOUBLE PRECISION,
    "realizedSlippageBps" DOUBLE PRECISION,
    "replans" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "executedAt" TIMESTAMPTZ(3),
    "closedReason" TEXT,

    CONSTRAINT "LiquidationTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiquidationLeg" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "symbol" TEXT NOT NULL,
    "qty" INTEGER NOT NULL,
    "filledQty" INTEGER NOT NULL DEFAULT 0,
    "markPrice" DOUBLE PRECISION NOT NULL,
    "expectedPrice" DOUBLE PRECISION NOT NULL,
    "expectedSlippageBps" DOUBLE PRECISION NOT NULL,
    "cannotClose" TEXT,

    CONSTRAINT "LiquidationLeg_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiquidationFill" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "legId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "qty" INTEGER NOT NULL,
    "price" DOUBLE PRECISION NOT NULL,
    "grossProceeds" DECIMAL(20,2) NOT NULL,
    "fees" DECIMAL(20,2) NOT NULL,
    "slippageBps" DOUBLE PRECISION NOT NULL,
    "fillKey" TEXT NOT NULL,
    "journalEntryId" TEXT,
    "minuteTs" TIMESTAMPTZ(3) NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LiquidationFill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiquidationHold" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "byEmail" TEXT NOT NULL,
    "fromTs" TIMESTAMPTZ(3) NOT NULL,
    "untilTs" TIMESTAMPTZ(3) NOT NULL,
    "grantedMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiquidationHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiquidationDispute" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "enteredById" TEXT NOT NULL,
    "enteredBy" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "reviewNote" TEXT,
    "reviewedBy" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiquidationDispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiquidationEvent" (
    "id" SERIAL NOT NULL,
    "ticketId" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "data" JSONB,

    CONSTRAINT "LiquidationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LiquidationTicket_status_createdAt_idx" ON "LiquidationTicket"("status", "createdAt");

-- CreateIndex
CREATE INDEX "LiquidationTicket_accountId_createdAt_idx" ON "LiquidationTicket"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "LiquidationTicket_createdAt_idx" ON "LiquidationTicket"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LiquidationLeg_ticketId_seq_key" ON "LiquidationLeg"("ticketId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "LiquidationFill_fillKey_key" ON "LiquidationFill"("fillKey");

-- CreateIndex
CREATE INDEX "LiquidationFill_ticketId_ts_idx" ON "LiquidationFill"("ticketId", "ts");

-- CreateIndex
CREATE INDEX "LiquidationFill_symbol_minuteTs_idx" ON "LiquidationFill"("symbol", "minuteTs");

-- CreateIndex
CREATE INDEX "LiquidationHold_ticketId_idx" ON "LiquidationHold"("ticketId");

-- CreateIndex
CREATE INDEX "LiquidationDispute_status_createdAt_idx" ON "LiquidationDispute"("status", "createdAt");

-- CreateIndex
CREATE INDEX "LiquidationDispute_ticketId_idx" ON "LiquidationDispute"("ticketId");

-- CreateIndex
CREATE INDEX "LiquidationEvent_ticketId_id_idx" ON "LiquidationEvent"("ticketId", "id");

-- AddForeignKey
ALTER TABLE "LiquidationLeg" ADD CONSTRAINT "LiquidationLeg_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "LiquidationTicket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiquidationFill" ADD CONSTRAINT "LiquidationFill_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "LiquidationTicket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiquidationHold" ADD CONSTRAINT "LiquidationHold_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "LiquidationTicket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiquidationDispute" ADD CONSTRAINT "LiquidationDispute_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "LiquidationTicket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiquidationEvent" ADD CONSTRAINT "LiquidationEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "LiquidationTicket"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- R6: at most one open ticket per account (Prisma cannot express a partial unique index).
CREATE UNIQUE INDEX "LiquidationTicket_one_open_per_account" ON "LiquidationTicket"("accountId") WHERE "status" NOT IN ('EXECUTED', 'CANCELLED');
