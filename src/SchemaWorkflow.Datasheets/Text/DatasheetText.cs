namespace SchemaWorkflow.Datasheets;

/// <summary>The text of a datasheet, page by page and line by line, with cell positions. What extractors read.</summary>
public sealed record DatasheetText
{
    /// <summary>The document the text was read from.</summary>
    public required DatasheetReference Reference { get; init; }

    /// <summary>The pages in order; a page without text has no lines.</summary>
    public IReadOnlyList<DatasheetPage> Pages { get; init; } = [];

    /// <summary>Every line of every page, in reading order.</summary>
    public IEnumerable<DatasheetLine> Lines => Pages.SelectMany(static p => p.Lines);
}

/// <summary>One page of a datasheet.</summary>
public sealed record DatasheetPage
{
    /// <summary>The page number, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>The lines, top to bottom.</summary>
    public IReadOnlyList<DatasheetLine> Lines { get; init; } = [];
}

/// <summary>
/// One line of text. Words separated by a wide gap (a table column, a tab, two or more spaces in a text file) fall
/// into separate <see cref="Cells"/>; <see cref="Text"/> joins them with a space.
/// </summary>
public sealed record DatasheetLine
{
    /// <summary>The page number, from 1.</summary>
    public required int Page { get; init; }

    /// <summary>The cells joined with single spaces.</summary>
    public required string Text { get; init; }

    /// <summary>The cells, left to right.</summary>
    public IReadOnlyList<DatasheetCell> Cells { get; init; } = [];

    /// <summary>
    /// The vertical position: the baseline in PDF points from the top of the page (so it grows down the page), or the
    /// line index in a text file.
    /// </summary>
    public double Top { get; init; }

    /// <summary>The font size in points (1 in a text file).</summary>
    public double Height { get; init; }
}

/// <summary>A run of words on a line with its horizontal extent: PDF points, or character columns in a text file.</summary>
/// <param name="Text">The words joined with single spaces.</param>
/// <param name="Left">The left edge.</param>
/// <param name="Right">The right edge.</param>
public sealed record DatasheetCell(string Text, double Left, double Right);
