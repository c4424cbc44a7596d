-- CreateTable
CREATE TABLE "FundingSource" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "limitAmount" DECIMAL(20,2) NOT NULL,
    "drawn" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "costRate" DOUBLE PRECISION NOT NULL,
    "spikeRate" DOUBLE PRECISION NOT NULL,
    "maturityDate" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "priority" INTEGER NOT NULL,
    "backupCode" TEXT,
    "statusReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FundingSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrancheProduct" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ratio" DOUBLE PRECISION NOT NULL,
    "juniorSize" DECIMAL(20,2) NOT NULL,
    "seniorSize" DECIMAL(20,2) NOT NULL,
    "juniorYield" DOUBLE PRECISION NOT NULL,
    "seniorYield" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrancheProduct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditLimit" (
    "accountId" TEXT NOT NULL,
    "limitAmount" DECIMAL(20,2) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CreditLimit_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "ConcentrationLimit" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "maxAmount" DECIMAL(20,2) NOT NULL,

    CONSTRAINT "ConcentrationLimit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Loan" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "principal" DECIMAL(20,2) NOT NULL,
    "rate" DOUBLE PRECISION NOT NULL,
    "feeRate" DOUBLE PRECISION NOT NULL,
    "termDays" INTEGER NOT NULL,
    "failoverFrom" TEXT,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAccruedDay" TEXT,

    CONSTRAINT "Loan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoanAccrual" (
    "id" TEXT NOT NULL,
    "loanId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "interest" DECIMAL(20,2) NOT NULL,
    "fee" DECIMAL(20,2) NOT NULL,

    CONSTRAINT "LoanAccrual_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundingAlert" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "sourceCode" TEXT,
    "message" TEXT NOT NULL,
    "detail" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ackAt" TIMESTAMPTZ(3),

    CONSTRAINT "FundingAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FundingSource_code_key" ON "FundingSource"("code");

-- CreateIndex
CREATE UNIQUE INDEX "TrancheProduct_code_key" ON "TrancheProduct"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ConcentrationLimit_scope_key_key" ON "ConcentrationLimit"("scope", "key");

-- CreateIndex
CREATE INDEX "Loan_accountId_idx" ON "Loan"("accountId");

-- CreateIndex
CREATE INDEX "Loan_sourceId_idx" ON "Loan"("sourceId");

-- CreateIndex
CREATE INDEX "Loan_symbol_idx" ON "Loan"("symbol");

-- CreateIndex
CREATE INDEX "Loan_sector_idx" ON "Loan"("sector");

-- CreateIndex
CREATE UNIQUE INDEX "LoanAccrual_loanId_day_key" ON "LoanAccrual"("loanId", "day");

-- CreateIndex
CREATE INDEX "FundingAlert_createdAt_idx" ON "FundingAlert"("createdAt");

-- AddForeignKey
ALTER TABLE "LoanAccrual" ADD CONSTRAINT "LoanAccrual_loanId_fkey" FOREIGN KEY ("loanId") REFERENCES "Loan"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand: a source never has negative utilization, limits are positive.
ALTER TABLE "FundingSource" ADD CONSTRAINT "FundingSource_drawn_nonneg" CHECK ("drawn" >= 0);
ALTER TABLE "FundingSource" ADD CONSTRAINT "FundingSource_limit_pos" CHECK ("limitAmount" > 0);
ALTER TABLE "CreditLimit" ADD CONSTRAINT "CreditLimit_nonneg" CHECK ("limitAmount" >= 0);
ALTER TABLE "ConcentrationLimit" ADD CONSTRAINT "ConcentrationLimit_nonneg" CHECK ("maxAmount" >= 0);
