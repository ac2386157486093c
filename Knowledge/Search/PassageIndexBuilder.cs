using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Content;

namespace MagLearn.Knowledge.Search;

/// <summary>Writes search documents into a Lucene directory: one document per passage or flow.</summary>
public static class PassageIndexBuilder
{
    public static Similarity Similarity { get; } = new BM25Similarity();

    public static IEnumerable<SearchDocument> DocumentsOf(LearnLibrary library) =>
        library.Pages.SelectMany(page => page.Passages.Select(passage => new SearchDocument(
            SearchDocument.PassageKind, page.Id, passage.SectionId, page.Title, passage.Heading, passage.Text,
            page.Phrasings) { Weight = page.Weight }));

    public static void Write(Lucene.Net.Store.Directory directory, IEnumerable<SearchDocument> documents, Lucene.Net.Analysis.Analyzer analyzer)
    {
        var config = new IndexWriterConfig(LearnAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = Similarity,
            RAMBufferSizeMB = 64,
        };
        using var writer = new IndexWriter(directory, config);
        foreach (var document in documents) writer.AddDocument(ToLucene(document));
        writer.ForceMerge(1);
        writer.Commit();
    }

    private static Document ToLucene(SearchDocument d)
    {
        var phrasings = string.Join("\n", d.Phrasings);
        return new Document
        {
            new StringField(IndexFields.Kind, d.Kind, Field.Store.YES),
            new StringField(IndexFields.Page, d.PageId, Field.Store.YES),
            new StringField(IndexFields.Section, d.SectionId, Field.Store.YES),
            new StoredField(IndexFields.Weight, d.Weight),
            new StoredField(IndexFields.Title, d.Title),
            new TextField(IndexFields.Heading, d.Heading, Field.Store.YES),
            new TextField(IndexFields.Body, d.Text, Field.Store.YES),
            new TextField(IndexFields.Topic, d.Title + "\n" + phrasings, Field.Store.NO),
        };
    }
}
