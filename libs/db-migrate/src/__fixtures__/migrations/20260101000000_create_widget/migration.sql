-- CreateTable
CREATE TABLE "widget" (
    "id" UUID NOT NULL,
    "code" VARCHAR(3) NOT NULL,
    "label" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "widget_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "widget_code_key" ON "widget"("code");
