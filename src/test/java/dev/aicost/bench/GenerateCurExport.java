package dev.aicost.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Writes an AWS CUR 2.0 CSV export of about the size asked for, shaped like a real Data Exports
 * file: every field quoted, the {@code product} and {@code resource_tags} maps as JSON text, hourly
 * line items over 30 days, Bedrock token lines (first-party and Marketplace) among EC2, S3 and
 * data-transfer lines. Deterministic for a given size. Usage: GenerateCurExport FILE MB
 */
public final class GenerateCurExport {
    static final String HEADER = "bill_bill_type,bill_billing_entity,bill_billing_period_start_date,"
            + "bill_payer_account_id,identity_line_item_id,identity_time_interval,line_item_availability_zone,"
            + "line_item_blended_cost,line_item_currency_code,line_item_line_item_description,"
            + "line_item_line_item_type,line_item_operation,line_item_product_code,line_item_resource_id,"
            + "line_item_unblended_cost,line_item_unblended_rate,line_item_usage_account_id,"
            + "line_item_usage_amount,line_item_usage_end_date,line_item_usage_start_date,line_item_usage_type,"
            + "pricing_public_on_demand_cost,pricing_public_on_demand_rate,pricing_term,pricing_unit,product,"
            + "product_region_code,product_servicecode,resource_tags";
    private static final String[][] BEDROCK = {
        // usage type, product name, price per 1K tokens
        {"USE1-NovaPro-input-tokens", "Amazon Bedrock", "0.0008"},
        {"USE1-NovaPro-output-tokens", "Amazon Bedrock", "0.0032"},
        {"USE1-NovaMicro-input-tokens", "Amazon Bedrock", "0.000035"},
        {"USE1-NovaMicro-output-tokens", "Amazon Bedrock", "0.00014"},
        {"USE1-NovaPro-cache-read-input-token-count", "Amazon Bedrock", "0.0002"},
        {"USE1-MP:USE1_InputTokenCount-Units", "Claude Sonnet 4.5 (Amazon Bedrock Edition)", "0.0033"},
        {"USE1-MP:USE1_OutputTokenCount-Units", "Claude Sonnet 4.5 (Amazon Bedrock Edition)", "0.0165"},
        {"USE1-MP:USE1_CacheReadInputTokenCount-Units", "Claude Sonnet 4.5 (Amazon Bedrock Edition)", "0.00033"},
        {"USE1-MP:USE1_InputTokenCount_Global-Units", "Claude Haiku 4.5 (Amazon Bedrock Edition)", "0.001"},
        {"USE1-MP:USE1_OutputTokenCount_Global-Units", "Claude Haiku 4.5 (Amazon Bedrock Edition)", "0.005"},
    };
    private static final String[][] OTHER = {
        {"USE1-BoxUsage:m5.large", "AmazonEC2", "Amazon Elastic Compute Cloud", "Hrs", "0.096"},
        {"USE1-TimedStorage-ByteHrs", "AmazonS3", "Amazon Simple Storage Service", "GB-Mo", "0.023"},
        {"USE1-DataTransfer-Out-Bytes", "AWSDataTransfer", "AWS Data Transfer", "GB", "0.09"},
    };
    private static final String[] TEAMS = {"support", "search", "sales", "platform", "research"};

    private GenerateCurExport() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long target = Long.parseLong(args[1]) * 1024 * 1024;
        SplittableRandom random = new SplittableRandom(7);
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        long written = 0;
        long id = 0;
        StringBuilder line = new StringBuilder(1024);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            written += HEADER.length() + 1;
            while (written < target) {
                line.setLength(0);
                Instant hour = start.plus(random.nextInt(30 * 24), ChronoUnit.HOURS);
                String team = TEAMS[random.nextInt(TEAMS.length)];
                boolean bedrock = random.nextInt(10) < 7;
                String usageType;
                String productCode;
                String productName;
                String unit;
                String rate;
                long amount;
                if (bedrock) {
                    String[] row = BEDROCK[random.nextInt(BEDROCK.length)];
                    usageType = row[0];
                    productName = row[1];
                    boolean marketplace = usageType.contains("MP:");
                    productCode = marketplace ? "prod-" + Long.toString(productName.hashCode() & 0xffff, 36) : "AmazonBedrock";
                    unit = marketplace ? "Units" : "1K tokens";
                    amount = marketplace ? 1000L * (1 + random.nextInt(900_000)) : 1 + random.nextInt(90_000);
                    rate = marketplace ? new java.math.BigDecimal(row[2]).movePointLeft(3).toPlainString() : row[2];
                } else {
                    String[] row = OTHER[random.nextInt(OTHER.length)];
                    usageType = row[0];
                    productCode = row[1];
                    productName = row[2];
                    unit = row[3];
                    rate = row[4];
                    amount = 1 + random.nextInt(100);
                }
                String cost = new java.math.BigDecimal(rate).multiply(java.math.BigDecimal.valueOf(amount))
                        .stripTrailingZeros().toPlainString();
                String begin = hour.toString();
                String end = hour.plus(1, ChronoUnit.HOURS).toString();
                field(line, "Anniversary").append(',');
                field(line, "AWS").append(',');
                field(line, "2026-10-01T00:00:00Z").append(',');
                field(line, "111122223333").append(',');
                field(line, Long.toString(36L * 36 * 36 * 36 * 36 * 36 + id++, 36) + "abcdefghijklmnopqrstu").append(',');
                field(line, begin + "/" + end).append(',');
                field(line, bedrock ? "" : "us-east-1a").append(',');
                field(line, cost).append(',');
                field(line, "USD").append(',');
                field(line, "$" + rate + " per " + unit + " for " + usageType + " in US East (N. Virginia)").append(',');
                field(line, "Usage").append(',');
                field(line, bedrock ? "InvokeModelInference" : "RunInstances").append(',');
                field(line, productCode).append(',');
                field(line, "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/" + team).append(',');
                field(line, cost).append(',');
                field(line, rate).append(',');
                field(line, "444455556666").append(',');
                field(line, Long.toString(amount)).append(',');
                field(line, end).append(',');
                field(line, begin).append(',');
                field(line, usageType).append(',');
                field(line, cost).append(',');
                field(line, rate).append(',');
                field(line, "OnDemand").append(',');
                field(line, unit).append(',');
                field(line, "{\"product_name\":\"" + productName + "\",\"region\":\"us-east-1\","
                        + "\"servicecode\":\"" + productCode + "\"}").append(',');
                field(line, "us-east-1").append(',');
                field(line, productCode).append(',');
                field(line, "{\"user_team\":\"" + team + "\",\"user_env\":\"prod\"}");
                line.append('\n');
                out.append(line);
                written += line.length();
            }
        }
    }

    private static StringBuilder field(StringBuilder line, String value) {
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        return line.append('"');
    }
}
