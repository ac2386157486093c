using MagLearn.Bot.Flows.Definition;
using MagLearn.Tests.Flows.Support;

namespace MagLearn.Tests.Flows.Loading;

/// <summary>
/// Each kind of broken dialog file stops the load with the file, the line and the problem, so an author can go
/// straight to it. The YAML is written to a temporary folder and loaded the way the host loads it.
/// </summary>
public class BrokenDialogTests : IDisposable
{
    private readonly DialogFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>A small valid flow, with one line swapped out by each test to break it.</summary>
    private const string Valid = """
        id: tiny
        title: Tiny flow
        description: A flow for tests.
        triggers:
          - something is wrong
        steps:
          - id: first
            ask: Which one?
            choices:
              - title: This one
                goto: this-end
              - title: That one
                goto: that-end
          - id: this-end
            end: Do this.
            cite: {page: login-assistance, section: forgot-password}
          - id: that-end
            end: Do that.
            cite: {page: login-assistance, section: forgot-user-id}
        """;

    private FlowProblem LoadFails(string yaml, string marker, string problem, string file = "tiny.yaml")
    {
        var path = folder.Write(file, yaml);
        var error = Assert.Throws<FlowLoadException>(() => folder.Load());
        var line = DialogFolder.LineOf(yaml, marker);
        var found = error.Problems.FirstOrDefault(p => p.File == path && p.Line == line && p.Message.Contains(problem));
        Assert.True(found is not null, $"expected {path}:{line}: ...{problem}... in:\n{error.Message}");
        Assert.Contains($"{path}:{line}: ", error.Message);
        return found;
    }

    [Fact]
    public void The_valid_flow_used_by_these_tests_loads()
    {
        folder.Write("tiny.yaml", Valid);
        Assert.NotNull(folder.Load().Find("tiny"));
    }

    [Fact]
    public void A_yaml_syntax_error_names_its_line() =>
        LoadFails(Valid.Replace("    ask: Which one?", "    ask: [Which one?"), "ask: [Which one?", "not valid YAML");

    [Fact]
    public void A_choice_going_to_an_unknown_step_names_the_goto_line() =>
        LoadFails(Valid.Replace("goto: that-end", "goto: nowhere"), "goto: nowhere", "unknown step 'nowhere'");

    [Fact]
    public void An_unknown_learn_page_names_the_cite_line() =>
        LoadFails(Valid.Replace("page: login-assistance, section: forgot-user-id", "page: no-such-page, section: forgot-user-id"), "no-such-page", "unknown Learn page 'no-such-page'");

    [Fact]
    public void An_unknown_section_names_the_cite_line() =>
        LoadFails(Valid.Replace("section: forgot-user-id", "section: no-such-section"), "no-such-section", "unknown section 'no-such-section' on Learn page 'login-assistance'");

    [Fact]
    public void A_duplicate_step_id_names_the_second_step() =>
        LoadFails(Valid.Replace("  - id: that-end\n    end: Do that.", "  - id: this-end # again\n    end: Do that."), "this-end # again", "duplicate step id 'this-end'");

    [Fact]
    public void A_duplicate_flow_id_names_the_second_file()
    {
        folder.Write("a-tiny.yaml", Valid);
        LoadFails(Valid, "id: tiny", "duplicate flow id 'tiny'", file: "b-tiny.yaml");
    }

    [Fact]
    public void An_ask_step_without_a_question_is_a_missing_prompt() =>
        LoadFails(Valid.Replace("ask: Which one?", "ask: \"\""), "ask: \"\"", "missing prompt");

    [Fact]
    public void A_step_nothing_leads_to_is_unreachable() =>
        LoadFails(Valid + "\n  - id: orphan\n    end: Never shown.\n    cite: {page: login-assistance, section: forgot-password}\n", "id: orphan", "unreachable step 'orphan'");

    [Fact]
    public void A_say_step_with_nowhere_to_go_is_a_dead_end() =>
        LoadFails(Valid.Replace("goto: that-end", "goto: stuck") + "\n  - id: stuck\n    say: And then nothing.\n", "id: stuck", "dead end: step 'stuck' has no 'next'");

    [Fact]
    public void Questions_that_only_lead_to_each_other_are_a_dead_end() =>
        LoadFails(
            Valid.Replace("goto: that-end", "goto: loop-a") +
            "\n  - id: loop-a\n    ask: Round we go?\n    ifYes: loop-b\n    ifNo: loop-b" +
            "\n  - id: loop-b\n    ask: And round again?\n    ifYes: loop-a\n    ifNo: loop-a\n",
            "id: loop-a", "dead end: no path from step 'loop-a' reaches an end");

    [Fact]
    public void Steps_that_loop_without_asking_anything_are_refused() =>
        LoadFails(
            Valid.Replace("goto: that-end", "goto: talk") + "\n  - id: talk\n    say: Blah.\n    next: more\n  - id: more\n    say: Blah again.\n    next: talk\n",
            "id: talk", "loops back to itself without asking anything");

    [Fact]
    public void A_jump_to_an_unknown_flow_names_the_flow_line() =>
        LoadFails(Valid.Replace("goto: that-end", "goto: elsewhere") + "\n  - id: elsewhere\n    flow: no-such-flow\n", "flow: no-such-flow", "unknown flow 'no-such-flow'");

    [Fact]
    public void A_jump_to_an_unknown_step_of_another_flow_names_the_flow_line() =>
        LoadFails(Valid.Replace("goto: that-end", "goto: elsewhere") + "\n  - id: elsewhere\n    flow: support-handoff\n    at: no-such-step\n", "flow: support-handoff", "flow 'support-handoff' has no step 'no-such-step'");

    [Fact]
    public void An_unknown_validator_is_named() =>
        LoadFails(Valid.Replace("goto: that-end", "goto: typed") + "\n  - id: typed\n    ask: Your shoe size?\n    expect: shoe-size\n    next: that-end\n", "id: typed", "unknown validator 'shoe-size'");

    [Fact]
    public void A_misspelt_key_is_named_on_its_own_line() =>
        LoadFails(Valid.Replace("    cite: {page: login-assistance, section: forgot-password}", "    cite: {page: login-assistance, section: forgot-password}\n    nxt: first"), "nxt: first", "'nxt' does not belong on 'end' steps");

    [Fact]
    public void A_resolution_without_a_citation_is_refused() =>
        LoadFails(Valid.Replace("    cite: {page: login-assistance, section: forgot-password}\n", ""), "id: this-end", "missing 'cite'");

    [Fact]
    public void Saving_an_answer_as_a_password_is_refused() =>
        LoadFails(Valid.Replace("    ask: Which one?", "    ask: Which one?\n    saveAs: password"), "id: first", "would save a secret");

    [Fact]
    public void A_step_with_two_kinds_is_refused() =>
        LoadFails(Valid.Replace("    end: Do that.", "    end: Do that.\n    say: And this."), "id: that-end", "more than one kind");

    [Fact]
    public void Without_a_support_handoff_flow_the_engine_has_nowhere_to_send_people()
    {
        using var bare = new DialogFolder(withHandoff: false);
        bare.Write("tiny.yaml", Valid);
        var error = Assert.Throws<FlowLoadException>(() => bare.Load());
        Assert.Contains("the 'support-handoff' flow is missing", error.Message);
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_not_just_the_first()
    {
        var yaml = Valid.Replace("goto: that-end", "goto: nowhere").Replace("section: forgot-password", "section: no-such-section");
        folder.Write("tiny.yaml", yaml);
        var error = Assert.Throws<FlowLoadException>(() => folder.Load());
        Assert.Contains(error.Problems, p => p.Message.Contains("unknown step 'nowhere'"));
        Assert.Contains(error.Problems, p => p.Message.Contains("unknown section 'no-such-section'"));
    }
}
