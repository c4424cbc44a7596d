-- CreateTable
CREATE TABLE "StressScenario" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "ownerId" TEXT NOT NULL,
    "ownerEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StressScenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StressRun" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "scenarioName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "paths" INTEGER NOT NULL DEFAULT 1,
    "seed" INTEGER,
    "paramVersion" INTEGER,
    "accounts" INTEGER,
    "createdById" TEXT NOT NULL,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "kpis" JSONB,
    "series" JSONB,
    "error" TEXT,
    "bookDigest" TEXT,

    CONSTRAINT "StressRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StressScenario_ownerId_idx" ON "StressScenario"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "StressScenario_seriesId_version_key" ON "StressScenario"("seriesId", "version");

-- CreateIndex
CREATE INDEX "StressRun_createdAt_idx" ON "StressRun"("createdAt");

-- CreateIndex
CREATE INDEX "StressRun_status_idx" ON "StressRun"("status");

