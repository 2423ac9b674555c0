package dev.longhand.kinds;

import dev.longhand.export.KindExports;
import dev.longhand.kinds.activation.ActivationKind;
import dev.longhand.kinds.attention.AttentionKind;
import dev.longhand.kinds.dropout.DropoutKind;
import dev.longhand.kinds.norm.NormAxis;
import dev.longhand.kinds.norm.NormKind;
import dev.longhand.kinds.residual.ResidualKind;
import dev.longhand.render.KindSheet;
import dev.longhand.render.KindSheets;
import dev.longhand.spec.KindReader;
import dev.longhand.spec.KindReaders;
import java.util.List;
import java.util.stream.Collectors;

/** Every layer kind this build computes besides dense layers: the one list a new kind joins. */
public final class Kinds {

    public static final List<LayerKind> ALL = List.of(
            new ResidualKind(),
            new AttentionKind(),
            new ActivationKind(),
            new NormKind(NormAxis.BATCH),
            new NormKind(NormAxis.LAYER),
            new DropoutKind());

    private static final KindReaders READERS = KindReaders.of(ALL.stream().map(k -> (KindReader) k).toList());
    private static final KindSheets SHEETS = KindSheets.of(ALL.stream().map(k -> (KindSheet) k).toList());
    private static final KindExports EXPORTS = KindExports.of(ALL.stream()
            .collect(Collectors.toMap(KindSheet::type, LayerKind::exports)));

    private Kinds() {
    }

    public static KindReaders readers() {
        return READERS;
    }

    public static KindSheets sheets() {
        return SHEETS;
    }

    /** Each kind's part of the download formats, by type. */
    public static KindExports exports() {
        return EXPORTS;
    }
}
