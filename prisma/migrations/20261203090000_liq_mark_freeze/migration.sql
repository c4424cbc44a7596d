-- CreateTable
CREATE TABLE "LiquidationMarkFreeze" (
    "id" TEXT NOT NULL,
    "minuteTs" TIMESTAMPTZ(3) NOT NULL,
    "symbol" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "divergence" DOUBLE PRECISION,
    "accounts" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiquidationMarkFreeze_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LiquidationMarkFreeze_createdAt_idx" ON "LiquidationMarkFreeze"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LiquidationMarkFreeze_minuteTs_symbol_key" ON "LiquidationMarkFreeze"("minuteTs", "symbol");

