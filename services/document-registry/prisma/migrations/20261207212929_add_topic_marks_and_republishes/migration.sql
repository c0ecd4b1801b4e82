-- CreateTable
CREATE TABLE "topic_partition_mark" (
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "end_offset" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "topic_partition_mark_pkey" PRIMARY KEY ("topic","partition")
);

-- CreateTable
CREATE TABLE "republish" (
    "id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "records" INTEGER NOT NULL DEFAULT 0,
    "series" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "last_sequence" BIGINT,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "staged_at" TIMESTAMPTZ(3),

    CONSTRAINT "republish_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "republish_started_at_idx" ON "republish"("started_at");
