-- CreateTable
CREATE TABLE "MarketAlert" (
    "id" TEXT NOT NULL,
    "symbolCode" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "latencyMs" DOUBLE PRECISION,
    "ackAt" TIMESTAMPTZ(3),
    "ackById" TEXT,
    "ackByEmail" TEXT,
    "ackNote" TEXT,

    CONSTRAINT "MarketAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "minSeverity" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "multiplier" DOUBLE PRECISION,
    "durationMin" INTEGER NOT NULL DEFAULT 30,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SymbolAction" (
    "id" TEXT NOT NULL,
    "symbolCode" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "alertId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "multiplier" DOUBLE PRECISION,
    "detail" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" TEXT,
    "latencyMs" DOUBLE PRECISION,

    CONSTRAINT "SymbolAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepthSnapshot" (
    "symbolCode" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "bidPx" DOUBLE PRECISION[],
    "bidQty" INTEGER[],
    "askPx" DOUBLE PRECISION[],
    "askQty" INTEGER[],

    CONSTRAINT "DepthSnapshot_pkey" PRIMARY KEY ("symbolCode","ts")
);

-- CreateIndex
CREATE INDEX "MarketAlert_symbolCode_ts_idx" ON "MarketAlert"("symbolCode", "ts");

-- CreateIndex
CREATE INDEX "MarketAlert_createdAt_idx" ON "MarketAlert"("createdAt");

-- CreateIndex
CREATE INDEX "MarketAlert_ackAt_idx" ON "MarketAlert"("ackAt");

-- CreateIndex
CREATE INDEX "SymbolAction_symbolCode_expiresAt_idx" ON "SymbolAction"("symbolCode", "expiresAt");

-- CreateIndex
CREATE INDEX "SymbolAction_expiresAt_idx" ON "SymbolAction"("expiresAt");

-- CreateIndex
CREATE INDEX "DepthSnapshot_ts_idx" ON "DepthSnapshot" USING BRIN ("ts");

-- AddForeignKey
ALTER TABLE "SymbolAction" ADD CONSTRAINT "SymbolAction_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

