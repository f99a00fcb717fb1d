-- The dashboard counts in the database; these indexes cover its queries, so that they read the index alone:
-- open records by kind, source, grade, target date and age; closing times by month; open actions by due date;
-- effectiveness reviews by date; recurrences.
create index ix_improvement_dashboard on improvement_record (organisation_id, status, kind, source, grade, target_date, raised_at);
create index ix_improvement_closed on improvement_record (organisation_id, closed_at, raised_at);
create index ix_improvement_recurrence on improvement_record (organisation_id, recurrence_of, raised_at);
create index ix_action_dashboard on action_item (organisation_id, status, due_date, original_due_date);
create index ix_effectiveness_reviewed on effectiveness_review (organisation_id, reviewed_at, attempt, effective);
