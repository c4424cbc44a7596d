-- CreateTable
CREATE TABLE "RiskParamVersion" (
    "version" INTEGER NOT NULL,
    "params" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "baseVersion" INTEGER,
    "proposedById" TEXT,
    "proposedByEmail" TEXT,
    "proposedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedByEmail" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "effectiveMinute" TIMESTAMPTZ(3),

    CONSTRAINT "RiskParamVersion_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "RiskTick" (
    "minuteTs" TIMESTAMPTZ(3) NOT NULL,
    "paramVersion" INTEGER NOT NULL,
    "bookDigest" TEXT NOT NULL,
    "prices" DOUBLE PRECISION[],
    "sigmas" DOUBLE PRECISION[],
    "multipliers" JSONB,
    "counts" JSONB NOT NULL,
    "changes" INTEGER NOT NULL,
    "revalueMs" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskTick_pkey" PRIMARY KEY ("minuteTs")
);

-- CreateTable
CREATE TABLE "RiskBookSnapshot" (
    "digest" TEXT NOT NULL,
    "symbols" TEXT[],
    "meta" JSONB NOT NULL,
    "accountIds" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskBookSnapshot_pkey" PRIMARY KEY ("digest")
);

-- CreateTable
CREATE TABLE "AccountRiskState" (
    "accountId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "marginLevel" DOUBLE PRECISION,
    "equity" DECIMAL(20,2) NOT NULL,
    "paramVersion" INTEGER NOT NULL,

    CONSTRAINT "AccountRiskState_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "RiskDecision" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "minuteTs" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "marginLevel" DOUBLE PRECISION,
    "equity" DECIMAL(20,2) NOT NULL,
    "maintenance" DECIMAL(20,2) NOT NULL,
    "paramVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarginCall" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "openedMinute" TIMESTAMPTZ(3) NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "notice" TEXT NOT NULL,
    "openStatus" TEXT NOT NULL,
    "worstStatus" TEXT NOT NULL,
    "openMarginLevel" DOUBLE PRECISION,
    "lastMarginLevel" DOUBLE PRECISION,
    "requiredDeposit" DECIMAL(20,2) NOT NULL,
    "paramVersion" INTEGER NOT NULL,
    "escalatedAt" TIMESTAMPTZ(3),
    "escalationNote" TEXT,
    "closedMinute" TIMESTAMPTZ(3),
    "closeReason" TEXT,

    CONSTRAINT "MarginCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RiskParamVersion_status_idx" ON "RiskParamVersion"("status");

-- CreateIndex
CREATE INDEX "RiskTick_bookDigest_idx" ON "RiskTick"("bookDigest");

-- CreateIndex
CREATE INDEX "AccountRiskState_status_idx" ON "AccountRiskState"("status");

-- CreateIndex
CREATE INDEX "RiskDecision_accountId_minuteTs_idx" ON "RiskDecision"("accountId", "minuteTs");

-- CreateIndex
CREATE INDEX "RiskDecision_minuteTs_idx" ON "RiskDecision"("minuteTs");

-- CreateIndex
CREATE INDEX "MarginCall_accountId_status_idx" ON "MarginCall"("accountId", "status");

-- CreateIndex
CREATE INDEX "MarginCall_status_idx" ON "MarginCall"("status");

