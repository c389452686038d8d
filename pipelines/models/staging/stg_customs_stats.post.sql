-- Duplicates, after the cell rules (stg_customs_stats.sql) have been stored: among rows that pass them, a record
-- equal on every cleaned value to an earlier one (by file, then line) is a duplicate_row, so "1,234" and "\t1234"
-- are the same record and the first is kept. This runs on the stored table rather than inside the model, because
-- there it reads only the key columns of a multi-million-row extract, where a CTE referenced three times was held
-- in memory with every column. A hash aggregate over the key's hash (_post_dup_key, computed by the model) finds
-- the few records that may occur more than once; only those are ranked, on the values themselves (so a hash
-- collision cannot make two different records duplicates), and only the duplicates are updated.
UPDATE stg_customs_stats__all AS s
SET _rule = 'duplicate_row', _column = NULL, _message = printf('the same record as %s line %d', d.first_file, d.first_line)
FROM (
  SELECT
    _file,
    _line,
    row_number() OVER w AS occurrence,
    first_value(_file) OVER w AS first_file,
    first_value(_line) OVER w AS first_line
  FROM stg_customs_stats__all
  WHERE _rule IS NULL
    AND _post_dup_key IN (
      SELECT _post_dup_key AS k
      FROM stg_customs_stats__all
      WHERE _rule IS NULL
      GROUP BY k
      HAVING count(*) > 1)
  WINDOW w AS (
    PARTITION BY period, hs_code, hs_name, partner_code, partner_name, trade_mode_code, trade_mode_name, place_code, place_name,
      qty1, unit1, qty2, unit2, value_usd, value_cny, currency, flow
    ORDER BY _file, _line)
) d
WHERE d.occurrence > 1 AND s._file = d._file AND s._line = d._line;
