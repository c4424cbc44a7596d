-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "periodStart" TIMESTAMPTZ(3) NOT NULL,
    "periodEnd" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "dataHash" TEXT NOT NULL,
    "auditHeadId" INTEGER,
    "auditHeadHash" TEXT,
    "scheduled" BOOLEAN NOT NULL DEFAULT false,
    "generatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "generatedById" TEXT,
    "generatedByEmail" TEXT,
    "writeUp" JSONB,
    "writtenById" TEXT,
    "writtenByEmail" TEXT,
    "writtenAt" TIMESTAMPTZ(3),
    "signedOffById" TEXT,
    "signedOffByEmail" TEXT,
    "signedOffAt" TIMESTAMPTZ(3),
    "signOffNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrillRecord" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "firstCloseAt" TIMESTAMPTZ(3) NOT NULL,
    "observeUntil" TIMESTAMPTZ(3) NOT NULL,
    "clockSpeed" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL,
    "startedById" TEXT NOT NULL,
    "startedByEmail" TEXT NOT NULL,
    "measures" JSONB,
    "triggered" JSONB,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DrillRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Report_kind_periodStart_idx" ON "Report"("kind", "periodStart");

-- CreateIndex
CREATE INDEX "Report_generatedAt_idx" ON "Report"("generatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Report_kind_periodKey_key" ON "Report"("kind", "periodKey");

-- CreateIndex
CREATE INDEX "DrillRecord_startedAt_idx" ON "DrillRecord"("startedAt");

-- CreateIndex
CREATE INDEX "DrillRecord_status_idx" ON "DrillRecord"("status");

