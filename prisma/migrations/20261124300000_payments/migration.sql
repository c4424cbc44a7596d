-- CreateTable
CREATE TABLE "JournalEntry" (
    "id" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "refType" TEXT,
    "refId" TEXT,
    "memo" TEXT,
    "idempotencyKey" TEXT,

    CONSTRAINT "JournalEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Posting" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "ledgerAccount" TEXT NOT NULL,
    "accountId" TEXT,
    "amount" DECIMAL(20,2) NOT NULL,

    CONSTRAINT "Posting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deposit" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "channel" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "payerName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "crossBorder" BOOLEAN NOT NULL DEFAULT false,
    "cash" BOOLEAN NOT NULL DEFAULT false,
    "chargebackAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Deposit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Withdrawal" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "channel" TEXT NOT NULL,
    "beneficiaryName" TEXT NOT NULL,
    "beneficiaryAcct" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'CONSOLE',
    "requestedById" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "ip" TEXT,
    "deviceId" TEXT,
    "amlScore" INTEGER NOT NULL DEFAULT 0,
    "amlHits" JSONB,
    "riskCheck" JSONB,
    "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "coolOffUntil" TIMESTAMPTZ(3),
    "frozenFrom" TEXT,
    "frozenById" TEXT,
    "frozenReason" TEXT,
    "appealText" TEXT,
    "appealedAt" TIMESTAMPTZ(3),
    "rejectReason" TEXT,
    "railRef" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "settledAt" TIMESTAMPTZ(3),

    CONSTRAINT "Withdrawal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WithdrawalApproval" (
    "id" TEXT NOT NULL,
    "withdrawalId" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "approverEmail" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WithdrawalApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClientLogin" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "ip" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,

    CONSTRAINT "ClientLogin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Beneficiary" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "bankAcct" TEXT NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Beneficiary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LargeValueReport" (
    "id" TEXT NOT NULL,
    "refType" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "category" TEXT NOT NULL,
    "threshold" DECIMAL(20,2) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LargeValueReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationRun" (
    "id" TEXT NOT NULL,
    "statementDate" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "importedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "matched" INTEGER NOT NULL,
    "breaks" INTEGER NOT NULL,

    CONSTRAINT "ReconciliationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationItem" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "ledgerAmount" DECIMAL(20,2),
    "statementAmount" DECIMAL(20,2),
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "assigneeId" TEXT,
    "note" TEXT,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReconciliationItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "JournalEntry_idempotencyKey_key" ON "JournalEntry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "JournalEntry_refType_refId_idx" ON "JournalEntry"("refType", "refId");

-- CreateIndex
CREATE INDEX "Posting_ledgerAccount_accountId_idx" ON "Posting"("ledgerAccount", "accountId");

-- CreateIndex
CREATE INDEX "Posting_entryId_idx" ON "Posting"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "Deposit_reference_key" ON "Deposit"("reference");

-- CreateIndex
CREATE INDEX "Deposit_accountId_createdAt_idx" ON "Deposit"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "Deposit_status_idx" ON "Deposit"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Withdrawal_idempotencyKey_key" ON "Withdrawal"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Withdrawal_railRef_key" ON "Withdrawal"("railRef");

-- CreateIndex
CREATE INDEX "Withdrawal_status_createdAt_idx" ON "Withdrawal"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Withdrawal_accountId_createdAt_idx" ON "Withdrawal"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WithdrawalApproval_idempotencyKey_key" ON "WithdrawalApproval"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "WithdrawalApproval_withdrawalId_approverId_key" ON "WithdrawalApproval"("withdrawalId", "approverId");

-- CreateIndex
CREATE INDEX "ClientLogin_accountId_ts_idx" ON "ClientLogin"("accountId", "ts");

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiary_accountId_bankAcct_key" ON "Beneficiary"("accountId", "bankAcct");

-- CreateIndex
CREATE INDEX "LargeValueReport_createdAt_idx" ON "LargeValueReport"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LargeValueReport_refType_refId_category_key" ON "LargeValueReport"("refType", "refId", "category");

-- CreateIndex
CREATE INDEX "ReconciliationItem_runId_kind_idx" ON "ReconciliationItem"("runId", "kind");

-- AddForeignKey
ALTER TABLE "Posting" ADD CONSTRAINT "Posting_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "JournalEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WithdrawalApproval" ADD CONSTRAINT "WithdrawalApproval_withdrawalId_fkey" FOREIGN KEY ("withdrawalId") REFERENCES "Withdrawal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconciliationItem" ADD CONSTRAINT "ReconciliationItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ReconciliationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

