-- AlterTable
ALTER TABLE "RiskBookSnapshot" ADD COLUMN     "baseDigest" TEXT,
ADD COLUMN     "removedIds" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "RiskBookSnapshot_baseDigest_idx" ON "RiskBookSnapshot"("baseDigest");
