namespace MagLearn.Knowledge.Search;

/// <summary>Something besides the Learn pages that belongs in the index (the guided flows' trigger phrasings).</summary>
public interface ISearchDocumentSource
{
    IEnumerable<SearchDocument> Documents();
}
