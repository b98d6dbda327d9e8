// Text analysis: the English stemmer (Porter2). Mirrors `stem_english` in
// src/search/analyze.rs, which calls pagefind_stem's English stemmer (Snowball 3.0.0
// english.sbl, generated code); this is a line-by-line port of that generated Rust with the
// part of the Snowball runtime it uses (`Env`). tests/fixtures/search/stems.json checks it
// word by word against the Rust stemmer.
//
// Uses: nothing. Gives: stemEnglish.

// --- Snowball English (Porter2, Snowball 3.0.0 english.sbl) ---
// A line-by-line port of the generated Rust (pagefind_stem 1.0.0), including its runtime.
// Only called on /^[a-z]+$/ words, where a byte is a UTF-16 unit, so offsets agree.
function Env(s) {
  this.current = s;
  this.cursor = 0;
  this.limit = s.length;
  this.limit_backward = 0;
  this.bra = 0;
  this.ket = s.length;
}
function inG(g, min, max, ch) {
  if (ch > max || ch < min) return false;
  ch -= min;
  return (g[ch >> 3] & (1 << (ch & 7))) !== 0;
}
Env.prototype = {
  code: function (i) { return this.current.charCodeAt(i); },
  replace_s: function (bra, ket, s) {
    var adj = s.length - (ket - bra);
    this.current = this.current.slice(0, bra) + s + this.current.slice(ket);
    this.limit += adj;
    if (this.cursor >= ket) this.cursor += adj;
    else if (this.cursor > bra) this.cursor = bra;
    return adj;
  },
  eq_s: function (s) {
    if (this.cursor >= this.limit) return false;
    if (this.current.startsWith(s, this.cursor)) { this.cursor += s.length; return true; }
    return false;
  },
  eq_s_b: function (s) {
    if (this.cursor - this.limit_backward < s.length) return false;
    if (!this.current.startsWith(s, this.cursor - s.length)) return false;
    this.cursor -= s.length;
    return true;
  },
  slice_from: function (s) { this.replace_s(this.bra, this.ket, s); this.ket = this.bra + s.length; },
  slice_del: function () { this.slice_from(''); },
  next_char: function () { this.cursor += 1; },
  previous_char: function () { this.cursor -= 1; },
  hop: function (delta) {
    var res = this.cursor;
    while (delta > 0) { delta--; if (res >= this.limit) return false; res += 1; }
    this.cursor = res;
    return true;
  },
  hop_back: function (delta) {
    var res = this.cursor;
    while (delta > 0) { delta--; if (res <= this.limit_backward) return false; res -= 1; }
    this.cursor = res;
    return true;
  },
  in_grouping: function (g, min, max) {
    if (this.cursor >= this.limit) return false;
    if (!inG(g, min, max, this.code(this.cursor))) return false;
    this.cursor += 1;
    return true;
  },
  go_in_grouping: function (g, min, max) {
    while (this.cursor < this.limit) {
      if (!inG(g, min, max, this.code(this.cursor))) return true;
      this.cursor += 1;
    }
    return false;
  },
  in_grouping_b: function (g, min, max) {
    if (this.cursor <= this.limit_backward) return false;
    if (!inG(g, min, max, this.code(this.cursor - 1))) return false;
    this.cursor -= 1;
    return true;
  },
  out_grouping_b: function (g, min, max) {
    if (this.cursor <= this.limit_backward) return false;
    if (inG(g, min, max, this.code(this.cursor - 1))) return false;
    this.cursor -= 1;
    return true;
  },
  go_out_grouping: function (g, min, max) {
    while (this.cursor < this.limit) {
      if (inG(g, min, max, this.code(this.cursor))) return true;
      this.cursor += 1;
    }
    return false;
  },
  go_out_grouping_b: function (g, min, max) {
    while (this.cursor > this.limit_backward) {
      if (inG(g, min, max, this.code(this.cursor - 1))) return true;
      this.cursor -= 1;
    }
    return false;
  },
  find_among: function (v) {
    var i = 0, j = v.length, c = this.cursor, l = this.limit;
    var common_i = 0, common_j = 0, first = false;
    for (;;) {
      var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k];
      for (var lv = common; lv < w[0].length; lv++) {
        if (c + common === l) { diff = -1; break; }
        diff = this.code(c + common) - w[0].charCodeAt(lv);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first) break;
        first = true;
      }
    }
    for (;;) {
      var w2 = v[i];
      if (common_i >= w2[0].length) { this.cursor = c + w2[0].length; return w2[2]; }
      i = w2[1];
      if (i < 0) return 0;
    }
  },
  find_among_b: function (v) {
    var i = 0, j = v.length, c = this.cursor, lb = this.limit_backward;
    var common_i = 0, common_j = 0, first = false;
    for (;;) {
      var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k];
      for (var lv = w[0].length - 1 - common; lv >= 0; lv--) {
        if (c - common === lb) { diff = -1; break; }
        diff = this.code(c - common - 1) - w[0].charCodeAt(lv);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first) break;
        first = true;
      }
    }
    for (;;) {
      var w2 = v[i];
      if (common_i >= w2[0].length) { this.cursor = c - w2[0].length; return w2[2]; }
      i = w2[1];
      if (i < 0) return 0;
    }
  }
};

// Among tables: [string, index of its longest listed suffix/prefix, result].
var A_0 = [['arsen', -1, -1], ['commun', -1, -1], ['emerg', -1, -1], ['gener', -1, -1],
  ['inter', -1, -1], ['later', -1, -1], ['organ', -1, -1], ['past', -1, -1], ['univers', -1, -1]];
var A_1 = [["'", -1, 1], ["'s'", 0, 1], ["'s", -1, 1]];
var A_2 = [['ied', -1, 2], ['s', -1, 3], ['ies', 1, 2], ['sses', 1, 1], ['ss', 1, -1], ['us', 1, -1]];
var A_3 = [['succ', -1, 1], ['proc', -1, 1], ['exc', -1, 1]];
var A_4 = [['even', -1, 2], ['cann', -1, 2], ['inn', -1, 2], ['earr', -1, 2], ['herr', -1, 2],
  ['out', -1, 2], ['y', -1, 1]];
var A_5 = [['', -1, -1], ['ed', 0, 2], ['eed', 1, 1], ['ing', 0, 3], ['edly', 0, 2], ['eedly', 4, 1],
  ['ingly', 0, 2]];
var A_6 = [['', -1, 3], ['bb', 0, 2], ['dd', 0, 2], ['ff', 0, 2], ['gg', 0, 2], ['bl', 0, 1],
  ['mm', 0, 2], ['nn', 0, 2], ['pp', 0, 2], ['rr', 0, 2], ['at', 0, 1], ['tt', 0, 2], ['iz', 0, 1]];
var A_7 = [['anci', -1, 3], ['enci', -1, 2], ['ogi', -1, 14], ['li', -1, 16], ['bli', 3, 12],
  ['abli', 4, 4], ['alli', 3, 8], ['fulli', 3, 9], ['lessli', 3, 15], ['ousli', 3, 10],
  ['entli', 3, 5], ['aliti', -1, 8], ['biliti', -1, 12], ['iviti', -1, 11], ['tional', -1, 1],
  ['ational', 14, 7], ['alism', -1, 8], ['ation', -1, 7], ['ization', 17, 6], ['izer', -1, 6],
  ['ator', -1, 7], ['iveness', -1, 11], ['fulness', -1, 9], ['ousness', -1, 10], ['ogist', -1, 13]];
var A_8 = [['icate', -1, 4], ['ative', -1, 6], ['alize', -1, 3], ['iciti', -1, 4], ['ical', -1, 4],
  ['tional', -1, 1], ['ational', 5, 2], ['ful', -1, 5], ['ness', -1, 5]];
var A_9 = [['ic', -1, 1], ['ance', -1, 1], ['ence', -1, 1], ['able', -1, 1], ['ible', -1, 1],
  ['ate', -1, 1], ['ive', -1, 1], ['ize', -1, 1], ['iti', -1, 1], ['al', -1, 1], ['ism', -1, 1],
  ['ion', -1, 2], ['er', -1, 1], ['ous', -1, 1], ['ant', -1, 1], ['ent', -1, 1], ['ment', 15, 1],
  ['ement', 16, 1]];
var A_10 = [['e', -1, 1], ['l', -1, 2]];
var A_11 = [['andes', -1, -1], ['atlas', -1, -1], ['bias', -1, -1], ['cosmos', -1, -1],
  ['early', -1, 6], ['gently', -1, 4], ['howe', -1, -1], ['idly', -1, 3], ['news', -1, -1],
  ['only', -1, 7], ['singly', -1, 8], ['skies', -1, 2], ['skis', -1, 1], ['sky', -1, -1],
  ['ugly', -1, 5]];
var G_aeo = [17, 64];
var G_v = [17, 65, 16, 1];
var G_v_WXY = [1, 17, 65, 208, 1];
var G_valid_LI = [55, 141, 2];

// `bit(mask, byte)`: the generated code's quick pre-checks on the last/next letter.
function bitOk(env, idx, mask) {
  var b = env.code(idx);
  return (b >> 5) === 3 && ((mask >> (b & 0x1f)) & 1) !== 0;
}

function r_prelude(env, ctx) {
  ctx.Y_found = false;
  var v_1 = env.cursor;
  lab0: {
    env.bra = env.cursor;
    if (!env.eq_s("'")) break lab0;
    env.ket = env.cursor;
    env.slice_del();
  }
  env.cursor = v_1;
  var v_2 = env.cursor;
  lab1: {
    env.bra = env.cursor;
    if (!env.eq_s('y')) break lab1;
    env.ket = env.cursor;
    env.slice_from('Y');
    ctx.Y_found = true;
  }
  env.cursor = v_2;
  var v_3 = env.cursor;
  replab3: for (;;) {
    var v_4 = env.cursor;
    lab4: {
      golab5: for (;;) {
        var v_5 = env.cursor;
        lab6: {
          if (!env.in_grouping(G_v, 97, 121)) break lab6;
          env.bra = env.cursor;
          if (!env.eq_s('y')) break lab6;
          env.ket = env.cursor;
          env.cursor = v_5;
          break golab5;
        }
        env.cursor = v_5;
        if (env.cursor >= env.limit) break lab4;
        env.next_char();
      }
      env.slice_from('Y');
      ctx.Y_found = true;
      continue replab3;
    }
    env.cursor = v_4;
    break replab3;
  }
  env.cursor = v_3;
  return true;
}

function r_mark_regions(env, ctx) {
  ctx.p1 = env.limit;
  ctx.p2 = env.limit;
  var v_1 = env.cursor;
  lab0: {
    lab1: {
      var v_2 = env.cursor;
      lab2: {
        if (env.cursor + 3 >= env.limit || !bitOk(env, env.cursor + 3, 5513250)) break lab2;
        if (env.find_among(A_0) === 0) break lab2;
        break lab1;
      }
      env.cursor = v_2;
      if (!env.go_out_grouping(G_v, 97, 121)) break lab0;
      env.next_char();
      if (!env.go_in_grouping(G_v, 97, 121)) break lab0;
      env.next_char();
    }
    ctx.p1 = env.cursor;
    if (!env.go_out_grouping(G_v, 97, 121)) break lab0;
    env.next_char();
    if (!env.go_in_grouping(G_v, 97, 121)) break lab0;
    env.next_char();
    ctx.p2 = env.cursor;
  }
  env.cursor = v_1;
  return true;
}

function r_shortv(env) {
  lab0: {
    var v_1 = env.limit - env.cursor;
    lab1: {
      if (!env.out_grouping_b(G_v_WXY, 89, 121)) break lab1;
      if (!env.in_grouping_b(G_v, 97, 121)) break lab1;
      if (!env.out_grouping_b(G_v, 97, 121)) break lab1;
      break lab0;
    }
    env.cursor = env.limit - v_1;
    lab2: {
      if (!env.out_grouping_b(G_v, 97, 121)) break lab2;
      if (!env.in_grouping_b(G_v, 97, 121)) break lab2;
      if (env.cursor > env.limit_backward) break lab2;
      break lab0;
    }
    env.cursor = env.limit - v_1;
    if (!env.eq_s_b('past')) return false;
  }
  return true;
}

function r_R1(env, ctx) { return ctx.p1 <= env.cursor; }
function r_R2(env, ctx) { return ctx.p2 <= env.cursor; }

function r_Step_1a(env) {
  var among_var;
  var v_1 = env.limit - env.cursor;
  lab0: {
    env.ket = env.cursor;
    if (env.cursor <= env.limit_backward ||
      (env.code(env.cursor - 1) !== 39 && env.code(env.cursor - 1) !== 115)) {
      env.cursor = env.limit - v_1;
      break lab0;
    }
    if (env.find_among_b(A_1) === 0) {
      env.cursor = env.limit - v_1;
      break lab0;
    }
    env.bra = env.cursor;
    env.slice_del();
  }
  env.ket = env.cursor;
  if (env.cursor <= env.limit_backward ||
    (env.code(env.cursor - 1) !== 100 && env.code(env.cursor - 1) !== 115)) return false;
  among_var = env.find_among_b(A_2);
  if (among_var === 0) return false;
  env.bra = env.cursor;
  switch (among_var) {
    case 1:
      env.slice_from('ss');
      break;
    case 2:
      lab1: {
        var v_2 = env.limit - env.cursor;
        lab2: {
          if (!env.hop_back(2)) break lab2;
          env.slice_from('i');
          break lab1;
        }
        env.cursor = env.limit - v_2;
        env.slice_from('ie');
      }
      break;
    case 3:
      if (env.cursor <= env.limit_backward) return false;
      env.previous_char();
      if (!env.go_out_grouping_b(G_v, 97, 121)) return false;
      env.previous_char();
      env.slice_del();
      break;
  }
  return true;
}

function r_Step_1b(env, ctx) {
  var among_var;
  env.ket = env.cursor;
  if (env.cursor - 1 <= env.limit_backward || !bitOk(env, env.cursor - 1, 33554576)) among_var = -1;
  else among_var = env.find_among_b(A_5);
  env.bra = env.cursor;
  lab0: {
    var v_1 = env.limit - env.cursor;
    lab1: {
      switch (among_var) {
        case 1:
          var v_2 = env.limit - env.cursor;
          lab2: {
            if (!r_R1(env, ctx)) break lab2;
            lab3: {
              var v_3 = env.limit - env.cursor;
              lab4: {
                if (env.cursor - 2 <= env.limit_backward || env.code(env.cursor - 1) !== 99) break lab4;
                if (env.find_among_b(A_3) === 0) break lab4;
                if (env.cursor > env.limit_backward) break lab4;
                break lab3;
              }
              env.cursor = env.limit - v_3;
              env.slice_from('ee');
            }
          }
          env.cursor = env.limit - v_2;
          break;
        case 2:
          break lab1;
        case 3:
          if (env.cursor <= env.limit_backward || !bitOk(env, env.cursor - 1, 34881536)) break lab1;
          among_var = env.find_among_b(A_4);
          if (among_var === 0) break lab1;
          switch (among_var) {
            case 1:
              var v_4 = env.limit - env.cursor;
              if (!env.out_grouping_b(G_v, 97, 121)) break lab1;
              if (env.cursor > env.limit_backward) break lab1;
              env.cursor = env.limit - v_4;
              env.bra = env.cursor;
              env.slice_from('ie');
              break;
            case 2:
              if (env.cursor > env.limit_backward) break lab1;
              break;
          }
          break;
      }
      break lab0;
    }
    env.cursor = env.limit - v_1;
    var v_5 = env.limit - env.cursor;
    if (!env.go_out_grouping_b(G_v, 97, 121)) return false;
    env.previous_char();
    env.cursor = env.limit - v_5;
    env.slice_del();
    env.ket = env.cursor;
    env.bra = env.cursor;
    var v_6 = env.limit - env.cursor;
    if (env.cursor - 1 <= env.limit_backward || !bitOk(env, env.cursor - 1, 68514004)) among_var = 3;
    else among_var = env.find_among_b(A_6);
    switch (among_var) {
      case 1:
        env.slice_from('e');
        return false;
      case 2:
        var v_7 = env.limit - env.cursor;
        lab5: {
          if (!env.in_grouping_b(G_aeo, 97, 111)) break lab5;
          if (env.cursor > env.limit_backward) break lab5;
          return false;
        }
        env.cursor = env.limit - v_7;
        break;
      case 3:
        if (env.cursor !== ctx.p1) return false;
        var v_8 = env.limit - env.cursor;
        if (!r_shortv(env)) return false;
        env.cursor = env.limit - v_8;
        env.slice_from('e');
        return false;
    }
    env.cursor = env.limit - v_6;
    env.ket = env.cursor;
    if (env.cursor <= env.limit_backward) return false;
    env.previous_char();
    env.bra = env.cursor;
    env.slice_del();
  }
  return true;
}

function r_Step_1c(env) {
  env.ket = env.cursor;
  lab0: {
    var v_1 = env.limit - env.cursor;
    if (env.eq_s_b('y')) break lab0;
    env.cursor = env.limit - v_1;
    if (!env.eq_s_b('Y')) return false;
  }
  env.bra = env.cursor;
  if (!env.out_grouping_b(G_v, 97, 121)) return false;
  if (!(env.cursor > env.limit_backward)) return false;
  env.slice_from('i');
  return true;
}

var STEP2 = [null, 'tion', 'ence', 'ance', 'able', 'ent', 'ize', 'ate', 'al', 'ful', 'ous', 'ive',
  'ble', 'og', null, 'less', null];

function r_Step_2(env, ctx) {
  env.ket = env.cursor;
  if (env.cursor - 1 <= env.limit_backward || !bitOk(env, env.cursor - 1, 1864192)) return false;
  var among_var = env.find_among_b(A_7);
  if (among_var === 0) return false;
  env.bra = env.cursor;
  if (!r_R1(env, ctx)) return false;
  if (among_var === 14) {
    if (!env.eq_s_b('l')) return false;
    env.slice_from('og');
  } else if (among_var === 16) {
    if (!env.in_grouping_b(G_valid_LI, 99, 116)) return false;
    env.slice_del();
  } else {
    env.slice_from(STEP2[among_var]);
  }
  return true;
}

function r_Step_3(env, ctx) {
  env.ket = env.cursor;
  if (env.cursor - 2 <= env.limit_backward || !bitOk(env, env.cursor - 1, 528928)) return false;
  var among_var = env.find_among_b(A_8);
  if (among_var === 0) return false;
  env.bra = env.cursor;
  if (!r_R1(env, ctx)) return false;
  switch (among_var) {
    case 1: env.slice_from('tion'); break;
    case 2: env.slice_from('ate'); break;
    case 3: env.slice_from('al'); break;
    case 4: env.slice_from('ic'); break;
    case 5: env.slice_del(); break;
    case 6:
      if (!r_R2(env, ctx)) return false;
      env.slice_del();
      break;
  }
  return true;
}

function r_Step_4(env, ctx) {
  env.ket = env.cursor;
  if (env.cursor - 1 <= env.limit_backward || !bitOk(env, env.cursor - 1, 1864232)) return false;
  var among_var = env.find_among_b(A_9);
  if (among_var === 0) return false;
  env.bra = env.cursor;
  if (!r_R2(env, ctx)) return false;
  if (among_var === 1) {
    env.slice_del();
  } else if (among_var === 2) {
    lab0: {
      var v_1 = env.limit - env.cursor;
      if (env.eq_s_b('s')) break lab0;
      env.cursor = env.limit - v_1;
      if (!env.eq_s_b('t')) return false;
    }
    env.slice_del();
  }
  return true;
}

function r_Step_5(env, ctx) {
  env.ket = env.cursor;
  if (env.cursor <= env.limit_backward ||
    (env.code(env.cursor - 1) !== 101 && env.code(env.cursor - 1) !== 108)) return false;
  var among_var = env.find_among_b(A_10);
  if (among_var === 0) return false;
  env.bra = env.cursor;
  if (among_var === 1) {
    lab0: {
      if (r_R2(env, ctx)) break lab0;
      if (!r_R1(env, ctx)) return false;
      var v_1 = env.limit - env.cursor;
      if (r_shortv(env)) return false;
      env.cursor = env.limit - v_1;
    }
    env.slice_del();
  } else if (among_var === 2) {
    if (!r_R2(env, ctx)) return false;
    if (!env.eq_s_b('l')) return false;
    env.slice_del();
  }
  return true;
}

var EXCEPTION1 = [null, 'ski', 'sky', 'idl', 'gentl', 'ugli', 'earli', 'onli', 'singl'];

function r_exception1(env) {
  env.bra = env.cursor;
  if (env.cursor + 2 >= env.limit || !bitOk(env, env.cursor + 2, 42750482)) return false;
  var among_var = env.find_among(A_11);
  if (among_var === 0) return false;
  env.ket = env.cursor;
  if (env.cursor < env.limit) return false;
  if (among_var > 0) env.slice_from(EXCEPTION1[among_var]);
  return true;
}

function r_postlude(env, ctx) {
  if (!ctx.Y_found) return false;
  replab0: for (;;) {
    var v_1 = env.cursor;
    lab1: {
      golab2: for (;;) {
        var v_2 = env.cursor;
        lab3: {
          env.bra = env.cursor;
          if (!env.eq_s('Y')) break lab3;
          env.ket = env.cursor;
          env.cursor = v_2;
          break golab2;
        }
        env.cursor = v_2;
        if (env.cursor >= env.limit) break lab1;
        env.next_char();
      }
      env.slice_from('y');
      continue replab0;
    }
    env.cursor = v_1;
    break replab0;
  }
  return true;
}

function porter2(word) {
  var env = new Env(word);
  var ctx = { Y_found: false, p1: 0, p2: 0 };
  lab0: {
    var v_1 = env.cursor;
    if (r_exception1(env)) break lab0;
    env.cursor = v_1;
    var v_2 = env.cursor;
    if (!env.hop(3)) { env.cursor = v_2; break lab0; }
    env.cursor = v_1;
    r_prelude(env, ctx);
    r_mark_regions(env, ctx);
    env.limit_backward = env.cursor;
    env.cursor = env.limit;
    var steps = [r_Step_1a, r_Step_1b, r_Step_1c, r_Step_2, r_Step_3, r_Step_4, r_Step_5];
    for (var s = 0; s < steps.length; s++) {
      var v = env.limit - env.cursor;
      steps[s](env, ctx);
      env.cursor = env.limit - v;
    }
    env.cursor = env.limit_backward;
    var v_10 = env.cursor;
    r_postlude(env, ctx);
    env.cursor = v_10;
  }
  return env.current;
}

/** Mirror of analyze::stem_english. */
function stemEnglish(word) {
  return /^[a-z]+$/.test(word) ? porter2(word) : word;
}
