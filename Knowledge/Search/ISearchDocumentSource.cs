namespace MagLearn.Knowledge.Search;

/// <summary>Something besides the Learn pages that the index is built with (the guided flows' trigger phrasings).</summary>
public interface ISearchDocumentSource
{
    IEnumerable<SearchDocument> Documents();
}
