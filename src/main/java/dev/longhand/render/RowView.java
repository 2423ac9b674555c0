package dev.longhand.render;

import java.util.List;

/** A matrix row: its header (a unit's name) and its cells. */
public record RowView(String header, List<CellView> cells) {

    public RowView {
        cells = List.copyOf(cells);
    }
}
