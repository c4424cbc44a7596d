-- CreateTable
CREATE TABLE "GovernedSetting" (
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "value" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "proposedByEmail" TEXT NOT NULL,
    "proposedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedByEmail" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,

    CONSTRAINT "GovernedSetting_pkey" PRIMARY KEY ("key","version")
);

-- CreateIndex
CREATE INDEX "GovernedSetting_key_status_idx" ON "GovernedSetting"("key", "status");

