using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using MagLearn.Knowledge.Analysis;
using MagLearn.Knowledge.Content;

namespace MagLearn.Knowledge.Search;

/// <summary>
/// One built, read-only index over the Learn content (and the flows' trigger phrasings), with the analyzers that
/// built it. Immutable: a content change builds a new one and swaps it in (see <see cref="KnowledgeBase"/>).
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    public LearnLibrary Library { get; }
    public LanguageResources Language { get; }
    public IndexSearcher Searcher { get; }
    public DirectoryReader Reader { get; }
    public Analyzer IndexAnalyzer { get; }
    public Analyzer QuestionAnalyzer { get; }
    public SearchTuning Tuning { get; }

    /// <summary>The guided flows' trigger phrasings, matched in memory against the same analysis and statistics.</summary>
    public FlowMatcher Flows { get; private set; } = FlowMatcher.None;
    public TimeSpan BuildTime { get; private set; }

    /// <summary>A hash of everything the index was built from: two indexes with the same version answer alike.</summary>
    public string Version { get; private set; } = "";
    public int DocumentCount => Reader.NumDocs;

    private readonly Lucene.Net.Store.Directory directory;

    private KnowledgeIndex(LearnLibrary library, LanguageResources language, SearchTuning tuning, Lucene.Net.Store.Directory directory, TimeSpan buildTime)
    {
        Tuning = tuning;
        Library = library;
        Language = language;
        this.directory = directory;
        Reader = DirectoryReader.Open(directory);
        Searcher = new IndexSearcher(Reader) { Similarity = PassageIndexBuilder.Similarity };
        (IndexAnalyzer, QuestionAnalyzer) = AnalyzersFor(language, tuning);
        BuildTime = buildTime;
    }

    /// <summary>Builds an in-memory index of the library's passages plus any extra documents (the flows).</summary>
    public static KnowledgeIndex Build(LearnLibrary library, LanguageResources language, IEnumerable<SearchDocument>? extra = null, SearchTuning? tuning = null)
    {
        tuning ??= SearchTuning.Tuned;
        var clock = Stopwatch.StartNew();
        var directory = new RAMDirectory();
        var extras = (extra ?? []).ToList();
        var documents = PassageIndexBuilder.DocumentsOf(library).Concat(extras.Where(d => d.Kind != SearchDocument.FlowKind)).ToList();
        PassageIndexBuilder.Write(directory, documents, AnalyzersFor(language, tuning).Index);
        var index = new KnowledgeIndex(library, language, tuning, directory, clock.Elapsed);
        var documentCount = Math.Max(index.Reader.NumDocs, 1);
        index.Flows = new FlowMatcher(extras.Where(d => d.Kind == SearchDocument.FlowKind), index.QuestionAnalyzer,
            term => QuestionTerm.Idf(QuestionTerm.DocumentFrequency(index.Reader, term), documentCount),
            rareWordWeight: QuestionTerm.Idf(1, documentCount));
        index.Version = VersionOf(documents.Concat(extras.Where(d => d.Kind == SearchDocument.FlowKind)), tuning);
        index.BuildTime = clock.Elapsed;
        return index;
    }

    private static string VersionOf(IEnumerable<SearchDocument> documents, SearchTuning tuning)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text + "\u0000"));
        Add(tuning.ToString());
        foreach (var d in documents)
        {
            foreach (var part in new[] { d.Kind, d.PageId, d.SectionId, d.Title, d.Heading, d.Text, d.Weight.ToString("R") }) Add(part);
            foreach (var phrasing in d.Phrasings) Add(phrasing);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    private static (Analyzer Index, Analyzer Questions) AnalyzersFor(LanguageResources language, SearchTuning tuning) =>
        tuning.LearnAnalysis
            ? (LearnAnalyzer.ForIndex(language), LearnAnalyzer.ForQuestions(language))
            : (new StandardAnalyzer(LearnAnalyzer.Version), new StandardAnalyzer(LearnAnalyzer.Version));

    public void Dispose()
    {
        Reader.Dispose();
        directory.Dispose();
    }
}
