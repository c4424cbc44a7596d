-- CreateTable
CREATE TABLE "OrderFlowEvent" (
    "id" BIGSERIAL NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "accountId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "price" DOUBLE PRECISION NOT NULL,
    "qty" INTEGER NOT NULL,
    "counterparty" TEXT,

    CONSTRAINT "OrderFlowEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountAttribute" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountAttribute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundMovement" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FundMovement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveillanceCase" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "disposition" TEXT,
    "priority" INTEGER NOT NULL,
    "anomalyScore" DOUBLE PRECISION,
    "rules" TEXT[],
    "assigneeId" TEXT,
    "slaDueAt" TIMESTAMPTZ(3) NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SurveillanceCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseHit" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "accounts" TEXT[],
    "symbol" TEXT,
    "day" TEXT,
    "count" INTEGER NOT NULL,
    "score" DOUBLE PRECISION,
    "evidence" JSONB NOT NULL,
    "firstAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CaseHit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "detail" JSONB NOT NULL,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountRestriction" (
    "accountId" TEXT NOT NULL,
    "restrictBuys" BOOLEAN NOT NULL DEFAULT false,
    "frozen" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT NOT NULL,
    "caseId" TEXT,
    "byId" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccountRestriction_pkey" PRIMARY KEY ("accountId")
);

-- CreateIndex
CREATE INDEX "OrderFlowEvent_ts_idx" ON "OrderFlowEvent" USING BRIN ("ts");

-- CreateIndex
CREATE INDEX "OrderFlowEvent_accountId_ts_idx" ON "OrderFlowEvent"("accountId", "ts");

-- CreateIndex
CREATE INDEX "AccountAttribute_kind_value_idx" ON "AccountAttribute"("kind", "value");

-- CreateIndex
CREATE UNIQUE INDEX "AccountAttribute_accountId_kind_value_key" ON "AccountAttribute"("accountId", "kind", "value");

-- CreateIndex
CREATE INDEX "FundMovement_instrument_idx" ON "FundMovement"("instrument");

-- CreateIndex
CREATE INDEX "FundMovement_accountId_idx" ON "FundMovement"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveillanceCase_accountId_key" ON "SurveillanceCase"("accountId");

-- CreateIndex
CREATE INDEX "SurveillanceCase_status_priority_idx" ON "SurveillanceCase"("status", "priority");

-- CreateIndex
CREATE UNIQUE INDEX "CaseHit_caseId_key_key" ON "CaseHit"("caseId", "key");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_ts_idx" ON "CaseEvent"("caseId", "ts");

-- AddForeignKey
ALTER TABLE "CaseHit" ADD CONSTRAINT "CaseHit_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SurveillanceCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SurveillanceCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

