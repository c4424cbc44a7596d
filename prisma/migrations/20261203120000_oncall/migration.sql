-- CreateTable
CREATE TABLE "OncallShift" (
    "id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "handoverNote" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OncallShift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OncallPolicyVersion" (
    "version" INTEGER NOT NULL,
    "policy" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "proposedByEmail" TEXT NOT NULL,
    "proposedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedByEmail" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,

    CONSTRAINT "OncallPolicyVersion_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "OncallChannel" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "targetSealed" TEXT NOT NULL,
    "targetHint" TEXT NOT NULL,
    "secretSealed" TEXT,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastFailedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OncallChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OncallIncident" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "openKey" TEXT,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "objectType" TEXT,
    "objectId" TEXT,
    "link" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "firstRole" TEXT NOT NULL,
    "escalateAfterMin" INTEGER NOT NULL,
    "chain" JSONB NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 0,
    "firstAt" TIMESTAMPTZ(3) NOT NULL,
    "lastAt" TIMESTAMPTZ(3) NOT NULL,
    "occurrences" INTEGER NOT NULL DEFAULT 1,
    "lastPagedAt" TIMESTAMPTZ(3) NOT NULL,
    "acknowledgedById" TEXT,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedVia" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolveNote" TEXT,

    CONSTRAINT "OncallIncident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OncallPage" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OncallPage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OncallDelivery" (
    "id" TEXT NOT NULL,
    "pageId" TEXT NOT NULL,
    "channelId" TEXT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OncallDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OncallShift_role_startsAt_endsAt_idx" ON "OncallShift"("role", "startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "OncallShift_endsAt_idx" ON "OncallShift"("endsAt");

-- CreateIndex
CREATE INDEX "OncallPolicyVersion_status_version_idx" ON "OncallPolicyVersion"("status", "version");

-- CreateIndex
CREATE INDEX "OncallChannel_userId_priority_idx" ON "OncallChannel"("userId", "priority");

-- CreateIndex
CREATE UNIQUE INDEX "OncallIncident_openKey_key" ON "OncallIncident"("openKey");

-- CreateIndex
CREATE INDEX "OncallIncident_status_lastPagedAt_idx" ON "OncallIncident"("status", "lastPagedAt");

-- CreateIndex
CREATE INDEX "OncallIncident_key_firstAt_idx" ON "OncallIncident"("key", "firstAt");

-- CreateIndex
CREATE INDEX "OncallIncident_firstAt_idx" ON "OncallIncident"("firstAt");

-- CreateIndex
CREATE INDEX "OncallPage_incidentId_createdAt_idx" ON "OncallPage"("incidentId", "createdAt");

-- CreateIndex
CREATE INDEX "OncallPage_userId_createdAt_idx" ON "OncallPage"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "OncallDelivery_status_nextAttemptAt_idx" ON "OncallDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OncallDelivery_pageId_idx" ON "OncallDelivery"("pageId");

-- AddForeignKey
ALTER TABLE "OncallPage" ADD CONSTRAINT "OncallPage_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "OncallIncident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OncallDelivery" ADD CONSTRAINT "OncallDelivery_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "OncallPage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

