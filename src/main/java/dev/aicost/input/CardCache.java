package dev.aicost.input;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The shipped cards, already read: a start-up cache beside the jar that the launcher writes when
 * it trains its class-data archive ({@code -Daicost.cardCache=FILE}), so that a one-shot run does
 * not parse and check a card's YAML again (about 30 ms of a 150 ms estimate). An entry is used
 * only for the very bytes it was made from (length and CRC-32 of the card file); anything else,
 * including a damaged or missing cache, falls back to reading the YAML, so the cache can be stale
 * or deleted without changing a result. Cards that {@code extends} another are never cached.
 */
public final class CardCache {
    private static final int MAGIC = 0x41494343; // "AICC"
    private static final int VERSION = 2; // 2: models carry their price history

    private record Entry(long length, long crc, byte[] payload) {
    }

    private final Map<String, Entry> entries;

    private CardCache(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** The cache named by the {@code aicost.cardCache} property, or null when there is none to use. */
    static CardCache fromSystem() {
        String file = System.getProperty("aicost.cardCache");
        if (file == null) {
            return null;
        }
        try {
            return read(Files.readAllBytes(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            return null; // no cache, or a damaged one: read the YAML
        }
    }

    /** The card {@code id} if this cache holds it for exactly {@code source}; else null. */
    RateCard lookup(String id, byte[] source) {
        Entry entry = entries.get(id);
        if (entry == null || entry.length() != source.length || entry.crc() != crc(source)) {
            return null;
        }
        try {
            return decode(entry.payload());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the cache of {@code cards} (by id: the card file's bytes and the card read from them). */
    public static void write(Path file, Map<String, Map.Entry<byte[], RateCard>> cards) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(cards.size());
            for (Map.Entry<String, Map.Entry<byte[], RateCard>> card : cards.entrySet()) {
                byte[] source = card.getValue().getKey();
                byte[] payload = encode(card.getValue().getValue());
                out.writeUTF(card.getKey());
                out.writeLong(source.length);
                out.writeLong(crc(source));
                out.writeInt(payload.length);
                out.write(payload);
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.write(tmp, bytes.toByteArray());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static CardCache read(byte[] file) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a card cache of this version");
        }
        int count = in.readInt();
        Map<String, Entry> entries = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String id = in.readUTF();
            long length = in.readLong();
            long crc = in.readLong();
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            entries.put(id, new Entry(length, crc, payload));
        }
        return new CardCache(entries);
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    // ---- the card as bytes: every field, nulls marked, decimals as their exact text

    static byte[] encode(RateCard card) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String text : new String[] {card.id(), card.provider(), card.region(), card.currency(),
                card.effective(), card.checked(), card.source()}) {
                string(out, text);
            }
            decimal(out, card.defaults().batchDiscount());
            decimal(out, card.defaults().priorityPremium());
            decimal(out, card.defaults().flexDiscount());
            out.writeInt(card.models().size());
            for (ModelPrice m : card.models().values()) {
                model(out, m);
            }
            services(out, card.services());
        }
        return bytes.toByteArray();
    }

    static RateCard decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        String id = string(in);
        String provider = string(in);
        String region = string(in);
        String currency = string(in);
        String effective = string(in);
        String checked = string(in);
        String source = string(in);
        RateCard.ModeDefaults defaults = new RateCard.ModeDefaults(decimal(in), decimal(in), decimal(in));
        int count = in.readInt();
        Map<String, ModelPrice> models = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            ModelPrice m = model(in);
            models.put(m.id(), m);
        }
        RateCard.Services services = services(in);
        if (in.read() != -1) {
            throw new IOException("trailing bytes");
        }
        return new RateCard(id, provider, region, currency, effective, checked, source, defaults, models, services);
    }

    private static void model(DataOutputStream out, ModelPrice m) throws IOException {
        string(out, m.id());
        string(out, m.name());
        out.writeInt(m.aliases().size());
        for (String alias : m.aliases()) {
            out.writeUTF(alias);
        }
        out.writeInt(m.tier() == null ? -1 : m.tier());
        prices(out, m.standard());
        out.writeInt(m.modes().size());
        for (Map.Entry<Mode, TokenPrices> mode : m.modes().entrySet()) {
            out.writeInt(mode.getKey().ordinal());
            prices(out, mode.getValue());
        }
        out.writeBoolean(m.longContext() != null);
        if (m.longContext() != null) {
            out.writeLong(m.longContext().aboveTokens());
            prices(out, m.longContext().prices());
        }
        decimal(out, m.training());
        out.writeBoolean(m.provisioned() != null);
        if (m.provisioned() != null) {
            decimal(out, m.provisioned().modelUnitTpm());
            out.writeBoolean(m.provisioned().tpmAssumed());
            decimals(out, m.provisioned().hourly());
        }
        out.writeInt(m.kind().ordinal());
        decimals(out, m.images());
        out.writeBoolean(m.custom() != null);
        if (m.custom() != null) {
            out.writeBoolean(m.custom().onDemand());
            out.writeBoolean(m.custom().prices() != null);
            if (m.custom().prices() != null) {
                prices(out, m.custom().prices());
            }
        }
        out.writeInt(m.history().size());
        for (ModelPrice.PriceEra era : m.history()) {
            out.writeUTF(era.until());
            prices(out, era.prices());
        }
    }

    private static ModelPrice model(DataInputStream in) throws IOException {
        String id = string(in);
        String name = string(in);
        int aliasCount = in.readInt();
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < aliasCount; i++) {
            aliases.add(in.readUTF());
        }
        int tier = in.readInt();
        TokenPrices standard = prices(in);
        Map<Mode, TokenPrices> modes = new EnumMap<>(Mode.class);
        int modeCount = in.readInt();
        for (int i = 0; i < modeCount; i++) {
            Mode mode = Mode.values()[in.readInt()];
            modes.put(mode, prices(in));
        }
        ModelPrice.LongContext longContext = in.readBoolean() ? new ModelPrice.LongContext(in.readLong(), prices(in))
                : null;
        BigDecimal training = decimal(in);
        ModelPrice.Provisioned provisioned = null;
        if (in.readBoolean()) {
            BigDecimal tpm = decimal(in);
            boolean assumed = in.readBoolean();
            provisioned = new ModelPrice.Provisioned(tpm, assumed, decimals(in));
        }
        ModelPrice.Kind kind = ModelPrice.Kind.values()[in.readInt()];
        Map<String, BigDecimal> images = decimals(in);
        ModelPrice.Custom custom = null;
        if (in.readBoolean()) {
            boolean onDemand = in.readBoolean();
            custom = new ModelPrice.Custom(onDemand, in.readBoolean() ? prices(in) : null);
        }
        int eras = in.readInt();
        List<ModelPrice.PriceEra> history = new ArrayList<>();
        for (int i = 0; i < eras; i++) {
            history.add(new ModelPrice.PriceEra(in.readUTF(), prices(in)));
        }
        return new ModelPrice(id, name, aliases, tier < 0 ? null : tier, standard, modes, longContext, training,
                provisioned, kind, images, custom, history);
    }

    private static void services(DataOutputStream out, RateCard.Services s) throws IOException {
        out.writeBoolean(s.egress() != null);
        if (s.egress() != null) {
            decimal(out, s.egress().freeGb());
            out.writeInt(s.egress().tiers().size());
            for (RateCard.EgressTier tier : s.egress().tiers()) {
                decimal(out, tier.upToGb());
                decimal(out, tier.perGb());
            }
        }
        decimal(out, s.guardrailsPer1kTextUnits());
        out.writeBoolean(s.knowledgeBase() != null);
        if (s.knowledgeBase() != null) {
            decimal(out, s.knowledgeBase().monthly());
            decimal(out, s.knowledgeBase().ocuHourly());
            decimal(out, s.knowledgeBase().minOcus());
            decimal(out, s.knowledgeBase().indexStoragePerGbMonth());
        }
        decimal(out, s.fineTuningStoragePerModelMonth());
        decimal(out, s.interRegionPerGb());
        out.writeBoolean(s.logging() != null);
        if (s.logging() != null) {
            decimal(out, s.logging().ingestPerGb());
            decimal(out, s.logging().storagePerGbMonth());
        }
        decimal(out, s.metricsPerMonth());
        decimal(out, s.s3PerGbMonth());
    }

    private static RateCard.Services services(DataInputStream in) throws IOException {
        RateCard.Egress egress = null;
        if (in.readBoolean()) {
            BigDecimal freeGb = decimal(in);
            int count = in.readInt();
            List<RateCard.EgressTier> tiers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                tiers.add(new RateCard.EgressTier(decimal(in), decimal(in)));
            }
            egress = new RateCard.Egress(freeGb, tiers);
        }
        BigDecimal guardrails = decimal(in);
        RateCard.KnowledgeBase kb = in.readBoolean()
                ? new RateCard.KnowledgeBase(decimal(in), decimal(in), decimal(in), decimal(in)) : null;
        BigDecimal storage = decimal(in);
        BigDecimal interRegion = decimal(in);
        RateCard.Logging logging = in.readBoolean() ? new RateCard.Logging(decimal(in), decimal(in)) : null;
        BigDecimal metrics = decimal(in);
        BigDecimal s3 = decimal(in);
        return new RateCard.Services(egress, guardrails, kb, storage, interRegion, logging, metrics, s3);
    }

    private static void prices(DataOutputStream out, TokenPrices p) throws IOException {
        decimal(out, p.input());
        decimal(out, p.output());
        decimal(out, p.cacheWrite());
        decimal(out, p.cacheRead());
        decimal(out, p.cacheWrite1h());
    }

    private static TokenPrices prices(DataInputStream in) throws IOException {
        return new TokenPrices(decimal(in), decimal(in), decimal(in), decimal(in), decimal(in));
    }

    private static void decimals(DataOutputStream out, Map<String, BigDecimal> values) throws IOException {
        out.writeInt(values.size());
        for (Map.Entry<String, BigDecimal> value : values.entrySet()) {
            out.writeUTF(value.getKey());
            decimal(out, value.getValue());
        }
    }

    private static Map<String, BigDecimal> decimals(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            values.put(in.readUTF(), decimal(in));
        }
        return values;
    }

    private static void decimal(DataOutputStream out, BigDecimal value) throws IOException {
        string(out, value == null ? null : value.toString());
    }

    private static BigDecimal decimal(DataInputStream in) throws IOException {
        String text = string(in);
        return text == null ? null : new BigDecimal(text);
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String string(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
